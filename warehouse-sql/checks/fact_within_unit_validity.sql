-- severity: warn
-- Within a run only the unit-years the run loaded values for are read (etl_scope of getvariable('run_id')), in
-- the run's years (check_first_year..check_last_year, set by check/check_scope.sql); run alone, without those
-- variables, a check reads the whole warehouse.
-- Every current value's unit was active on at least one day of its period (a term: its plan years). The load
-- quarantines values outside (UNIT_NOT_ACTIVE); one can still appear when a later registry row shortens a
-- unit's validity after its values loaded. A warning: the value stays, and the registry or the value needs a look.
with periods as (
    select distinct unit_code, year, period, period_kind, start_month, end_year, end_month
    from fct_value f
    where year between coalesce(getvariable('check_first_year'), 0) and coalesce(getvariable('check_last_year'), 9999)
      and ((getvariable('run_id') is null or exists (select 1 from etl_scope s where s.run_id = getvariable('run_id') and s.unit_code = f.unit_code and s.year = f.year))
           -- a unit whose registry rows came with this run: its older values are read again
           or unit_code in (select r.unit_code from registry_version r join dim_submission d using (submission_id)
                            where d.run_id = getvariable('run_id')))
)
select p.unit_code, p.year, p.period
from periods p
where not exists (
    select 1 from dim_unit u
    where u.unit_code = p.unit_code
      and u.valid_from <= case when p.period_kind = 'term' then make_date(p.end_year, 12, 31)
                               else last_day(make_date(p.end_year, p.end_month, 1)) end
      and coalesce(u.valid_to, date '9999-12-31') >= make_date(p.year, greatest(p.start_month, 1), 1))
