-- severity: warn
-- reads: values, registry
-- Within a run only the unit-years the run loaded values for are read (etl_scope of getvariable('run_id')), in
-- the run's years (check_first_year..check_last_year, set by check/check_scope.sql); run alone, without those
-- variables, a check reads the whole warehouse.
-- Every current value's unit was active on at least one day of its period (a term: its plan years). The load
-- quarantines values outside (UNIT_NOT_ACTIVE); one can still appear when a later registry row shortens a
-- unit's validity after its values loaded. A warning: the value stays, and the registry or the value needs a look.
with run_scope as (   -- the unit-years the run loaded values for; run alone, every unit-year ever loaded
    select unit_code, year from etl_scope where run_id = getvariable('run_id')
    union
    select unit_code, year from etl_scope where getvariable('run_id') is null
),
registry_units as (   -- units whose registry rows came with this run: their older values are read again
    select distinct r.unit_code from registry_version r join dim_submission d using (submission_id)
    where d.run_id = getvariable('run_id')
),
scoped as (
    select f.unit_code, f.year, f.period, f.period_kind, f.start_month, f.end_year, f.end_month
    from fct_value f semi join run_scope using (unit_code, year)
    where f.year between coalesce(getvariable('check_first_year'), 0) and coalesce(getvariable('check_last_year'), 9999)
    union
    select f.unit_code, f.year, f.period, f.period_kind, f.start_month, f.end_year, f.end_month
    from fct_value f semi join registry_units using (unit_code)
),
periods as (
    select distinct * from scoped
)
select p.unit_code, p.year, p.period
from periods p
where not exists (
    select 1 from dim_unit u
    where u.unit_code = p.unit_code
      and u.valid_from <= case when p.period_kind = 'term' then make_date(p.end_year, 12, 31)
                               else last_day(make_date(p.end_year, p.end_month, 1)) end
      and coalesce(u.valid_to, date '9999-12-31') >= make_date(p.year, greatest(p.start_month, 1), 1))
