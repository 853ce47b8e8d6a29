-- Load one run's staged files into the warehouse. Runs in one transaction, after the files of stage/ have
-- created stage_value (a view on the run's lake files), stage_quarantine, stage_registry, stage_file and the
-- retried rows' duplicates and new reasons (stage_retried_duplicate, stage_retried_reason), with the variable
-- run_id set. The values are read from Parquet where needed rather than copied into temp
-- tables, so a 10-million-row backfill stays within DuckDB's memory limit.

-- A value as a unit would write it: 72, not 72.0.
create or replace temp macro number_text(x) as
    case when x = floor(x) then cast(cast(x as bigint) as varchar) else cast(x as varchar) end;

-- A long-layout line as the unit wrote it, from its fields: the file's delimiter, the header's columns in the
-- header's order (an empty comment stays an empty last field), a field holding the delimiter or a quote quoted.
-- A header with other column names gives the contract's order.
create or replace temp macro csv_field(x, d) as
    case when contains(x, d) or contains(x, '"') or contains(x, chr(10)) or contains(x, chr(13))
         then '"' || replace(x, '"', '""') || '"' else x end;
create or replace temp macro long_line(u, p, i, c, v, m, d, header) as
    list_reduce(list_transform(
        case when list_has_all(['unit_code', 'period', 'indicator', 'category', 'value', 'comment'],
                               list_transform(string_split(coalesce(header, ''), d), lambda h: lower(trim(h))))
             then list_transform(string_split(header, d), lambda h: lower(trim(h)))
             else ['unit_code', 'period', 'indicator', 'category', 'value', 'comment'] end,
        lambda h: csv_field(coalesce(case h when 'unit_code' then u when 'period' then p when 'indicator' then i
                                       when 'category' then c when 'value' then v else m end, ''), d)),
        lambda a, b: a || d || b);

-- Rows new in this run; rows retried from quarantine carry their quarantine_key and were counted before.
create or replace temp view stage_fresh as
select * exclude (quarantine_key) from stage_value where quarantine_key is null;

-- One pass over the run's fresh rows, grouped by submission, unit and period: how many rows, and which
-- (indicator, category) pairs as bits of a mask (category_bits(), the catalogue's pairs 63 to a word). A group with more rows than pairs repeats a key; a row whose pair the catalogue lacks sets no
-- bit, so its group is checked too. The groups also give the touched units and periods further on.
create or replace temp table category_bit as
select * from category_bits();

create or replace temp table stage_group as
select v.submission_id, v.unit_code, v.period, any_value(v.year) as year, b.word, count(*) as n, bit_or(b.bit) as pairs
from stage_fresh v
left join category_bit b using (indicator_code, category_code)
group by v.submission_id, v.unit_code, v.period, b.word;

create or replace temp table repeat_group as
select distinct submission_id, unit_code, period from stage_group where n > coalesce(bit_count(pairs), 0);

-- Keys given more than once in one submission, found among the few groups above; without any, the rows
-- are not read again.
create or replace temp table stage_repeat as
select submission_id, unit_code, period, indicator_code, category_code,
       count(*) as n, count(distinct value) as distinct_values
from stage_fresh
semi join repeat_group using (submission_id, unit_code, period)
where exists (select 1 from repeat_group)
group by submission_id, unit_code, period, indicator_code, category_code
having count(*) > 1;

-- Two different values for one key in one submission: every row of that key is quarantined.
create or replace temp table stage_conflict as
select v.submission_id, v.unit_code, v.period, v.indicator_code, v.category_code,
       string_agg(distinct number_text(v.value), ' / ' order by number_text(v.value)) as values_seen
from stage_fresh v
join stage_repeat r using (submission_id, unit_code, period, indicator_code, category_code)
where r.distinct_values > 1
group by v.submission_id, v.unit_code, v.period, v.indicator_code, v.category_code;

-- Identical repeats load once, as from their first line (two cells of one report-form line share it).
create or replace temp view stage_kept as
select v.*
from stage_fresh v
anti join stage_repeat r using (submission_id, unit_code, period, indicator_code, category_code)
union all by name
select v.submission_id, min(v.line_number) as line_number, v.unit_code, v.period, any_value(v.period_kind) as period_kind,
       any_value(v.year) as year, any_value(v.start_month) as start_month, any_value(v.end_year) as end_year,
       any_value(v.end_month) as end_month, v.indicator_code, v.category_code, any_value(v.value) as value,
       arg_min(v.comment, v.line_number) as comment, arg_min(v.sheet, v.line_number) as sheet
from stage_fresh v
join stage_repeat r using (submission_id, unit_code, period, indicator_code, category_code)
where r.distinct_values = 1
group by v.submission_id, v.unit_code, v.period, v.indicator_code, v.category_code;

-- Quarantine keys are numbered here in a total order of the rows rather than by the table's sequence: DuckDB
-- hands out a sequence's values in no set order on many cores, and a rebuild from the lake must give every row
-- the key it had (later runs' retried rows name it).
insert into quarantine_row (quarantine_key, run_id, submission_id, file_path, line_number, raw_line, reason_code, detail,
                            unit_code, period, indicator, category, value_text, comment, sheet)
select (select coalesce(max(quarantine_key), 0) from quarantine_row)
           + row_number() over (order by v.submission_id, v.sheet, v.line_number, v.indicator_code, v.category_code,
                                         number_text(v.value), v.comment),
       getvariable('run_id'), v.submission_id, f.file_path, v.line_number,
       long_line(v.unit_code, v.period, v.indicator_code, v.category_code, number_text(v.value), v.comment,
                 coalesce(f.delimiter, ','), f.header_line),
       'CONFLICTING_DUPLICATE',
       'the submission gives ' || c.values_seen || ' for ' || v.unit_code || ' ' || v.period || ' '
           || v.indicator_code || '/' || v.category_code || '; none is loaded',
       v.unit_code, v.period, v.indicator_code, v.category_code, number_text(v.value), v.comment, v.sheet
from stage_fresh v
join stage_conflict c using (submission_id, unit_code, period, indicator_code, category_code)
join stage_file f using (submission_id);

insert into quarantine_row (quarantine_key, run_id, submission_id, file_path, line_number, raw_line, reason_code, detail,
                            unit_code, period, indicator, category, value_text, comment, sheet)
select (select coalesce(max(quarantine_key), 0) from quarantine_row)
           -- keys in file order, however many threads wrote it; rows alike in every column ordered are alike whole
           + row_number() over (order by submission_id, sheet, line_number nulls first, indicator, category, value_text,
                                         reason_code, detail, raw_line, unit_code, period, comment),
       getvariable('run_id'), submission_id, file_path, line_number, raw_line, reason_code, detail,
       unit_code, period, indicator, category, value_text, comment, sheet
from stage_quarantine;

-- Rows retried from quarantine get the checks above among the retried rows of their submission: a unit
-- unknown until its registry came had every row quarantined, repeats of a key included. A key given with
-- two values stays quarantined, now as CONFLICTING_DUPLICATE; an identical repeat loads once, as from its
-- first line, and the others are duplicates. (A repeat between a retried and a fresh row cannot be: a
-- submission's rows are fresh in the one run that reads its file.)
-- Only the key and the two flags are kept: the rows themselves are read from the lake again where needed.
-- Holding two million whole rows here filled DuckDB's memory limit, and the update of quarantine_row
-- below then took 10 s instead of 1.
create or replace temp table retried_row as
select v.quarantine_key,
       min(v.value) over k <> max(v.value) over k as conflicting,
       row_number() over (partition by v.submission_id, v.unit_code, v.period, v.indicator_code, v.category_code
                          order by v.line_number, v.quarantine_key) > 1 as repeated
from stage_value v
where v.quarantine_key is not null
window k as (partition by v.submission_id, v.unit_code, v.period, v.indicator_code, v.category_code);

update quarantine_row
set reason_code = 'CONFLICTING_DUPLICATE',
    detail = 'the submission gives ' || c.values_seen || ' for ' || c.unit_code || ' ' || c.period || ' '
             || c.indicator_code || '/' || c.category_code || '; none is loaded'
from (select v.quarantine_key, v.unit_code, v.period, v.indicator_code, v.category_code,
             string_agg(distinct number_text(v.value), ' / ' order by number_text(v.value))
                 over (partition by v.submission_id, v.unit_code, v.period, v.indicator_code, v.category_code) as values_seen
      from stage_value v
      semi join (select quarantine_key from retried_row where conflicting) r using (quarantine_key)
      where v.quarantine_key is not null and exists (select 1 from retried_row where conflicting)) c
where quarantine_row.quarantine_key = c.quarantine_key;

-- Retried rows kept out by another cause now (their unit known at last, but ended before the period) say so.
update quarantine_row
set reason_code = r.reason_code, detail = r.detail
from stage_retried_reason r
where quarantine_row.quarantine_key = r.quarantine_key;

-- Quarantined rows an earlier run kept, taken now: resolved, and moved from quarantined to loaded (or
-- duplicate) in their own submission's audit row, so its sum still holds.
create or replace temp table stage_resolved as
select quarantine_key, 'loaded' as resolution from retried_row where not conflicting and not repeated
union all
select quarantine_key, 'duplicate' from retried_row where repeated and not conflicting
union all
select quarantine_key, 'loaded' from stage_registry where quarantine_key is not null
union all
select quarantine_key, 'duplicate' from stage_retried_duplicate;

update dim_submission
set rows_loaded      = rows_loaded + x.loaded,
    rows_duplicate   = rows_duplicate + x.duplicate,
    rows_quarantined = rows_quarantined - x.loaded - x.duplicate
from (
    select q.submission_id,
           count(*) filter (where r.resolution = 'loaded')    as loaded,
           count(*) filter (where r.resolution = 'duplicate') as duplicate
    from stage_resolved r
    join quarantine_row q using (quarantine_key)
    group by q.submission_id
) x
where dim_submission.submission_id = x.submission_id;

-- One update per resolution, its values constants and the keys a semi join: joined to stage_resolved for
-- the resolution of each row, 2 million rows took 2.8-4 s at DuckDB's memory limit, against 0.4 s so.
update quarantine_row
set is_resolved = true, resolved_run_id = getvariable('run_id'), resolution = 'loaded'
where quarantine_key in (select quarantine_key from stage_resolved where resolution = 'loaded');

update quarantine_row
set is_resolved = true, resolved_run_id = getvariable('run_id'), resolution = 'duplicate'
where quarantine_key in (select quarantine_key from stage_resolved where resolution = 'duplicate');

-- Current values: for every touched (unit, period, indicator) the latest submission wins, all categories of it.
-- Each value is stored once, in fct_reported_value, its current rows marked (is_current; fct_value is
-- the view of them). A unit and period no other submission gave (most of a new month, all of a backfill)
-- is current as it is written; only contested ones, given before or by two files of this run, are ranked,
-- every indicator of them. Touched units and periods come from the groups above (rows of a conflicting
-- key count too: ranking them again changes nothing) and the retried rows.
create or replace temp table touched_key as
select unit_code, period, any_value(year) as year,
       min(submission_id) <> max(submission_id) as given_twice   -- by two files of this run
from (select submission_id, unit_code, period, year from stage_group
      union all
      select submission_id, unit_code, period, year from stage_value where quarantine_key is not null)
group by unit_code, period;

-- The year (a function of the period) is in every join with fct_reported_value: the join's range of years
-- reaches the scan, which then skips the older row groups of a many-year warehouse.
create or replace temp table contested_key as
select unit_code, period, year from touched_key semi join fct_value using (unit_code, period, year)
union
select unit_code, period, year from touched_key where given_twice;

-- Submission times of the run's rows: its own files, and the earlier files of retried rows. Taken from
-- stage_file rather than dim_submission, whose millions of rows the join would otherwise hash.
create or replace temp table loaded_submission as
select submission_id, modified_at from stage_file
union
select submission_id, modified_at from dim_submission
semi join (select distinct submission_id from stage_value where quarantine_key is not null) using (submission_id);

-- Retried values join the loaded ones: together, everything this run adds to fct_reported_value.
create or replace temp view stage_loaded as
select * from stage_kept
union all by name
select v.* exclude (quarantine_key)
from stage_value v
semi join (select quarantine_key from retried_row where not conflicting and not repeated) r using (quarantine_key)
where v.quarantine_key is not null and exists (select 1 from retried_row);

insert into fct_reported_value
select r.submission_id, r.line_number, r.unit_code, r.period, r.period_kind, r.year, r.start_month, r.end_year,
       r.end_month, r.indicator_code, r.category_code, r.value, r.comment, getvariable('run_id'), s.modified_at,
       c.unit_code is null, r.sheet
from stage_loaded r
join loaded_submission s using (submission_id)
left join contested_key c using (unit_code, period);

-- Registry: a row with the same code and valid_from corrects the earlier one.
delete from registry_version r
using stage_registry s
where r.unit_code = s.unit_code and r.valid_from = s.valid_from;

-- A row corrected by a later file of the same run was loaded too: the latest file's row stands.
insert into registry_version
select r.unit_code, r.valid_from, r.unit_name, r.parent_code, r.level, r.unit_type, r.valid_to, r.successor_code,
       r.submission_id, r.line_number
from stage_registry r
left join stage_file f using (submission_id)
qualify row_number() over (
    partition by r.unit_code, r.valid_from
    order by f.modified_at desc nulls last, f.file_path desc nulls last, r.line_number desc) = 1;

-- The audit record of each file, with its row conservation: read = loaded + quarantined + duplicate.
-- Counted from the groups and the repeated keys rather than by reading the rows again: a submission keeps
-- its rows less those of repeated keys, plus one row for each key repeated with one value. A workbook with
-- registry and data sheets has its accepted registry rows loaded too.
insert into dim_submission
with registry_rows as (
    select submission_id, count(*) as n from stage_registry where quarantine_key is null group by submission_id
),
conflicts as (
    select submission_id, sum(n) as n from stage_repeat where distinct_values > 1 group by submission_id
),
kept as (
    select g.submission_id, g.n - coalesce(r.n, 0) + coalesce(r.identical, 0) as n
    from (select submission_id, sum(n) as n from stage_group group by submission_id) g
    left join (select submission_id, sum(n) as n, count(*) filter (where distinct_values = 1) as identical
               from stage_repeat group by submission_id) r using (submission_id)
)
select f.submission_id, f.sha256, f.file_path, f.size_bytes, f.modified_at, f.pulled_at, getvariable('run_id'),
       f.layout, f.refused_reason, f.refused_detail,
       f.rows_read,
       case when f.layout = 'registry' then f.rows_accepted else coalesce(k.n, 0) + coalesce(g.n, 0) end,
       f.rows_quarantined + coalesce(c.n, 0),
       f.rows_duplicate + case when f.layout = 'registry' then 0
                               else f.rows_accepted - coalesce(g.n, 0) - coalesce(c.n, 0) - coalesce(k.n, 0) end,
       f.header_line, f.delimiter
from stage_file f
left join conflicts c using (submission_id)
left join kept k using (submission_id)
left join registry_rows g using (submission_id);

-- The units and periods each refused file of the run appears to cover, where known (load/replaced_by_cover.sql).
insert into refused_cover
select distinct submission_id, split_part(pair, ' ', 1), split_part(pair, ' ', 2)
from (select submission_id, unnest(string_split(cover, ';')) as pair from stage_file where cover is not null);

-- The contested keys are ranked next, by load/current_values.sql (reprocessing a submission ranks its keys so too).

insert into etl_scope
select distinct getvariable('run_id'), unit_code, year from touched_key;
