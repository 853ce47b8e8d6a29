-- severity: error
-- reads: values
-- Within a run only the unit-years the run loaded values for are read (etl_scope of getvariable('run_id')), in
-- the run's years (check_first_year..check_last_year, set by check/check_scope.sql); run alone, without those
-- variables, a check reads the whole warehouse.
-- The derived facts hold one row per key: a year-to-date per month, a single month, a stock per month end,
-- a quota per period and category.
with run_scope as (   -- the unit-years the run loaded values for; run alone, every unit-year ever loaded
    select unit_code, year from etl_scope where run_id = getvariable('run_id')
    union
    select unit_code, year from etl_scope where getvariable('run_id') is null
)
-- Each fact's keys held more than once are found by one 64-bit hash of the key first (a grouping by the text
-- columns of a national month took three times as long), then grouped exactly among those candidates alone.
select 'fct_flow_ytd' as fact, unit_code, year, indicator_code, category_code, through_month as month, count(*) as rows_held
from fct_flow_ytd d semi join run_scope using (unit_code, year)
where year between coalesce(getvariable('check_first_year'), 0) and coalesce(getvariable('check_last_year'), 9999)
  and hash(unit_code, year, indicator_code, category_code, through_month) in (
      select hash(unit_code, year, indicator_code, category_code, through_month) from fct_flow_ytd semi join run_scope using (unit_code, year)
      where year between coalesce(getvariable('check_first_year'), 0) and coalesce(getvariable('check_last_year'), 9999)
      group by all having count(*) > 1)
group by all having count(*) > 1
union all
select 'fct_flow_month', unit_code, year, indicator_code, category_code, month, count(*)
from fct_flow_month d semi join run_scope using (unit_code, year)
where year between coalesce(getvariable('check_first_year'), 0) and coalesce(getvariable('check_last_year'), 9999)
  and hash(unit_code, year, indicator_code, category_code, month) in (
      select hash(unit_code, year, indicator_code, category_code, month) from fct_flow_month semi join run_scope using (unit_code, year)
      where year between coalesce(getvariable('check_first_year'), 0) and coalesce(getvariable('check_last_year'), 9999)
      group by all having count(*) > 1)
group by all having count(*) > 1
union all
select 'fct_stock', unit_code, year, indicator_code, category_code, month, count(*)
from fct_stock d semi join run_scope using (unit_code, year)
where year between coalesce(getvariable('check_first_year'), 0) and coalesce(getvariable('check_last_year'), 9999)
  and hash(unit_code, year, indicator_code, category_code, month) in (
      select hash(unit_code, year, indicator_code, category_code, month) from fct_stock semi join run_scope using (unit_code, year)
      where year between coalesce(getvariable('check_first_year'), 0) and coalesce(getvariable('check_last_year'), 9999)
      group by all having count(*) > 1)
group by all having count(*) > 1
union all
select 'fct_quota', unit_code, coalesce(year, 0), 'admission_quota', category_code, 0, count(*)
from fct_quota group by unit_code, period, year, category_code having count(*) > 1
