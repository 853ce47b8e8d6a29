-- Row conservation: the files whose rows do not add up, none when the load is sound. Every row read must be
-- loaded, quarantined or a duplicate, and the loaded and quarantined rows must really be in the warehouse: the
-- counts come from the reader, the rows from the tables. The values counted are those this run added (its run_id
-- prunes the scan to the newest row groups of a many-year table): a file of this run must have gained all its
-- loaded rows, a file of an earlier run exactly its retried ones (what it stored before was checked by that run,
-- and fct_reported_value is never deleted from), and no other file any. A workbook's registry sheets are stored
-- as registry rows.

with touched as (
    select submission_id from dim_submission where run_id = getvariable('run_id')
    union
    select q.submission_id from stage_resolved r join quarantine_row q using (quarantine_key)
),
added as (
    select submission_id, count(*) as n
    from fct_reported_value
    where run_id = getvariable('run_id')
    group by submission_id
),
retried as (
    select q.submission_id, count(*) as n
    from retried_row v join quarantine_row q using (quarantine_key)
    where not v.conflicting and not v.repeated
    group by q.submission_id
),
registry as (
    select submission_id, count(*) as n from stage_registry where quarantine_key is null group by all
),
quarantined as (
    select submission_id, count(*) as n
    from quarantine_row join touched using (submission_id)
    where not is_resolved and line_number is not null
    group by submission_id
),
audited as (
    select d.file_path, d.layout, d.run_id, d.rows_read, d.rows_loaded, d.rows_quarantined, d.rows_duplicate,
           case when d.layout = 'registry' then coalesce(r.n, 0)
                when d.run_id = getvariable('run_id') then coalesce(a.n, 0) + coalesce(r.n, 0)
                else d.rows_loaded - coalesce(t.n, 0) + coalesce(a.n, 0) end as rows_stored,
           coalesce(q.n, 0) as rows_in_quarantine
    from dim_submission d
    join touched using (submission_id)
    left join added a using (submission_id)
    left join retried t using (submission_id)
    left join registry r using (submission_id)
    left join quarantined q using (submission_id)
)
select file_path, rows_read, rows_loaded, rows_quarantined, rows_duplicate, rows_stored, rows_in_quarantine
from audited
where rows_read <> rows_loaded + rows_quarantined + rows_duplicate
   or (layout is distinct from 'registry' and rows_loaded <> rows_stored)
   or (layout = 'registry' and run_id = getvariable('run_id') and rows_loaded <> rows_stored)
   or rows_quarantined <> rows_in_quarantine
union all
select 'submission ' || submission_id || ' (not of this run)', 0, 0, 0, 0, n, 0
from added anti join touched using (submission_id)
order by 1;
