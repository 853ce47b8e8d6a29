-- The units and years this run touched (etl_scope), plus the following year, whose members at the
-- start and rate quotas depend on the touched year's December. Derive and check work only on these.

create or replace temp table scope_unit_year as
select distinct unit_code, year from etl_scope where run_id = getvariable('run_id')
union
select distinct unit_code, year + 1 from etl_scope where run_id = getvariable('run_id');

create or replace temp table scope_unit as
select distinct unit_code from scope_unit_year;

