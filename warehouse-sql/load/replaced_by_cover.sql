-- A refused file whose cover is known (refused_cover: the units and periods it appears to cover, read without
-- loading it) is resolved once later submissions, by submission time, have loaded a value for every one of its
-- units and periods: the unit sent its figures again under another name. It names the submission that completed
-- the cover (the latest of the first ones to give each pair). Only refused files a value of this run covers in part
-- are looked at: no other can have been completed now. Files whose cover is not known keep the path rule alone.

create or replace temp table refused_pair as
select q.quarantine_key, d.modified_at, c.unit_code, c.period
from quarantine_row q
join refused_cover c using (submission_id)
join dim_submission d using (submission_id)
where q.line_number is null and not q.is_resolved;

create or replace temp table refused_cover_touched as
select distinct r.quarantine_key
from refused_pair r
join fct_reported_value v on v.unit_code = r.unit_code and v.period = r.period and v.submitted_at > r.modified_at
where v.run_id = getvariable('run_id');

update quarantine_row
set is_resolved = true, resolved_run_id = getvariable('run_id'), resolution = 'replaced', replaced_by = c.replaced_by
from (
    select quarantine_key, arg_max(first_by, first_at) as replaced_by
    from (
        select r.quarantine_key, r.unit_code, r.period,
               arg_min(v.submission_id, v.submitted_at) as first_by, min(v.submitted_at) as first_at
        from refused_pair r
        left join fct_reported_value v
               on v.unit_code = r.unit_code and v.period = r.period and v.submitted_at > r.modified_at
        where r.quarantine_key in (select quarantine_key from refused_cover_touched)
        group by r.quarantine_key, r.unit_code, r.period
    )
    group by quarantine_key
    having count(first_by) = count(*)
) c
where quarantine_row.quarantine_key = c.quarantine_key;

drop table refused_pair;
drop table refused_cover_touched;
