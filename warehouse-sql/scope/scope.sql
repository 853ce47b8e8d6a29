-- The units and years this run touched (etl_scope), plus the following year, whose members at the
-- start and rate quotas depend on the touched year's December, plus those a changed rule left to
-- check again (dq_recheck, emptied by the check step). Derive and check work only on these, one bucket
-- of units at a time (scope_bucket.sql), so a backfill's scope stays within memory.

create or replace temp table scope_touched as
select distinct unit_code, year from etl_scope where run_id = getvariable('run_id')
union
select distinct unit_code, year + 1 from etl_scope where run_id = getvariable('run_id');

create or replace temp table scope_all as
select unit_code, year from scope_touched
union
select unit_code, year from dq_recheck;

-- The scope's first and last years, as constants: a scan filtered by them skips other years' row groups
-- whatever order its joins are planned in (a year reaching the scan only through a join may come too late).
set variable scope_first_year = (select min(year) from scope_all);

set variable scope_last_year = (select max(year) from scope_all);

-- Buckets are ranges of unit codes holding about getvariable('bucket_rows') of the scope's values each:
-- bucket b takes the codes from bucket_from (inclusive) to bucket_to (exclusive), and together they
-- cover every code, so a unit outside scope_all (a parent, for the check) falls in one bucket too.
-- Ranges rather than hashes: derive appends a bucket's rows together, so the check's scans of them, and
-- the later statements of the same bucket, skip the row groups of other buckets by their min and max code.
create or replace temp table scope_bucket_range as
with unit_values as (
    select s.unit_code, count(v.unit_code) as n
    from (select distinct unit_code from scope_all) s
    left join (select v.unit_code
               from fct_value v
               join scope_all using (unit_code, year)
               where v.year between getvariable('scope_first_year') and getvariable('scope_last_year')) v
      using (unit_code)
    group by s.unit_code
),
cuts as (
    select unit_code,
           (sum(n) over (order by unit_code rows between unbounded preceding and current row) - n)
               // getvariable('bucket_rows') as cut
    from unit_values
),
firsts as (
    select min(unit_code) as first_unit from cuts group by cut
)
select row_number() over (order by first_unit) - 1 as bucket,
       case when row_number() over (order by first_unit) = 1 then '' else first_unit end as bucket_from,
       coalesce(lead(first_unit) over (order by first_unit), chr(1114111)) as bucket_to   -- above any code
from firsts;

-- Whether a unit code falls in the current bucket: a filter on constants, which DuckDB checks against
-- each row group's min and max code before it reads the row group.
create or replace temp macro in_bucket(code) as
    code >= getvariable('bucket_from') and code < getvariable('bucket_to');
