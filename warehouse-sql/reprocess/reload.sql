-- Reload one submission's values from the lake, in one transaction with load/current_values.sql after it.
-- Variables: submission_id; read_run_id, the run that read the file; lake_files, the lake files of that run and of
-- the runs that loaded its retried rows. Its rows come back as the load kept them: a key given twice with two
-- values stays out (its rows are quarantined), an identical repeat once, from its first line; a quarantined row
-- that a later run loaded, as that run loaded it.

create or replace temp table reprocess_lake as
select v.* exclude (filename),
       regexp_extract(v.filename, 'run-(.+?)(\.[0-9]+)?\.parquet$', 1) as file_run_id
from read_parquet(getvariable('lake_files'), filename = true, hive_partitioning = false, union_by_name = true) v
where v.submission_id = getvariable('submission_id');

create or replace temp table reprocess_row as
with fresh as (
    select * from reprocess_lake where quarantine_key is null and file_run_id = getvariable('read_run_id')
),
single_valued as (
    select unit_code, period, indicator_code, category_code
    from fresh
    group by unit_code, period, indicator_code, category_code
    having count(distinct value) = 1
)
select f.submission_id, min(f.line_number) as line_number, f.unit_code, f.period, any_value(f.period_kind) as period_kind,
       any_value(f.year) as year, any_value(f.start_month) as start_month, any_value(f.end_year) as end_year,
       any_value(f.end_month) as end_month, f.indicator_code, f.category_code, any_value(f.value) as value,
       arg_min(f.comment, f.line_number) as comment, arg_min(f.sheet, f.line_number) as sheet,
       getvariable('read_run_id') as run_id
from fresh f
semi join single_valued k using (unit_code, period, indicator_code, category_code)
group by f.submission_id, f.unit_code, f.period, f.indicator_code, f.category_code
union all by name
select r.* exclude (quarantine_key, file_run_id), r.file_run_id as run_id
from reprocess_lake r
join quarantine_row q using (quarantine_key)
where q.resolution = 'loaded' and q.resolved_run_id = r.file_run_id;

-- Every unit and period the submission gave, in the warehouse or in the lake, is ranked again afterwards.
create or replace temp table contested_key as
select distinct unit_code, period, year from fct_reported_value where submission_id = getvariable('submission_id')
union
select distinct unit_code, period, year from reprocess_row;

delete from fct_reported_value where submission_id = getvariable('submission_id');

insert into fct_reported_value
select r.submission_id, r.line_number, r.unit_code, r.period, r.period_kind, r.year, r.start_month, r.end_year,
       r.end_month, r.indicator_code, r.category_code, r.value, r.comment, r.run_id, s.modified_at, false, r.sheet
from reprocess_row r
join dim_submission s using (submission_id);
