-- severity: error
-- Within a run only the run's years are read (check_first_year..check_last_year, set by check/check_scope.sql);
-- run alone, without those variables, a check reads every year.
-- fct_value holds one current value per unit, period, indicator and category: the corrections rule leaves one.
select unit_code, year, period, indicator_code, category_code, count(*) as values_held
from fct_value
where year between coalesce(getvariable('check_first_year'), 0) and coalesce(getvariable('check_last_year'), 9999)
group by unit_code, year, period, indicator_code, category_code
having count(*) > 1
