-- severity: error
-- Within a run only the unit-years the run loaded values for are read (etl_scope of getvariable('run_id')), in
-- the run's years (check_first_year..check_last_year, set by check/check_scope.sql); run alone, without those
-- variables, a check reads the whole warehouse.
-- The derived facts hold one row per key: a year-to-date per month, a single month, a stock per month end,
-- a quota per period and category.
select 'fct_flow_ytd' as fact, unit_code, year, indicator_code, category_code, through_month as month, count(*) as rows_held
from fct_flow_ytd d where year between coalesce(getvariable('check_first_year'), 0) and coalesce(getvariable('check_last_year'), 9999) and (getvariable('run_id') is null or exists (select 1 from etl_scope s where s.run_id = getvariable('run_id') and s.unit_code = d.unit_code and s.year = d.year)) group by all having count(*) > 1
union all
select 'fct_flow_month', unit_code, year, indicator_code, category_code, month, count(*)
from fct_flow_month d where year between coalesce(getvariable('check_first_year'), 0) and coalesce(getvariable('check_last_year'), 9999) and (getvariable('run_id') is null or exists (select 1 from etl_scope s where s.run_id = getvariable('run_id') and s.unit_code = d.unit_code and s.year = d.year)) group by all having count(*) > 1
union all
select 'fct_stock', unit_code, year, indicator_code, category_code, month, count(*)
from fct_stock d where year between coalesce(getvariable('check_first_year'), 0) and coalesce(getvariable('check_last_year'), 9999) and (getvariable('run_id') is null or exists (select 1 from etl_scope s where s.run_id = getvariable('run_id') and s.unit_code = d.unit_code and s.year = d.year)) group by all having count(*) > 1
union all
select 'fct_quota', unit_code, coalesce(year, 0), 'admission_quota', category_code, 0, count(*)
from fct_quota group by unit_code, period, year, category_code having count(*) > 1
