-- severity: error
-- Within a run only the unit-years the run loaded values for are read (etl_scope of getvariable('run_id')), in
-- the run's years (check_first_year..check_last_year, set by check/check_scope.sql); run alone, without those
-- variables, a check reads the whole warehouse.
-- fct_value holds one current value per unit, period, indicator and category: the corrections rule leaves one.
select unit_code, year, period, indicator_code, category_code, count(*) as values_held
from fct_value f
where year between coalesce(getvariable('check_first_year'), 0) and coalesce(getvariable('check_last_year'), 9999)
  and (getvariable('run_id') is null or exists (select 1 from etl_scope s where s.run_id = getvariable('run_id') and s.unit_code = f.unit_code and s.year = f.year))
group by unit_code, year, period, indicator_code, category_code
having count(*) > 1
