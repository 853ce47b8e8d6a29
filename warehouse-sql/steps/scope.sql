-- The units and years this run touched (etl_scope), plus the following year, whose members at the
-- start and rate quotas depend on the touched year's December. Derive and check work only on these,
-- one bucket of units at a time (scope_bucket.sql), so a backfill's scope stays within memory.

create or replace temp table scope_all as
select distinct unit_code, year from etl_scope where run_id = getvariable('run_id')
union
select distinct unit_code, year + 1 from etl_scope where run_id = getvariable('run_id');

-- The scope's first and last years, as constants: a scan filtered by them skips other years' row groups
-- whatever order its joins are planned in (a year reaching the scan only through a join may come too late).
set variable scope_first_year = (select min(year) from scope_all);

set variable scope_last_year = (select max(year) from scope_all);
