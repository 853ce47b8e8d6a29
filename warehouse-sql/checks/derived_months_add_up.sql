-- severity: warn
-- reads: values
-- Within a run only the unit-years the run loaded values for are read (etl_scope of getvariable('run_id')), in
-- the run's years (check_first_year..check_last_year, set by check/check_scope.sql); run alone, without those
-- variables, a check reads the whole warehouse.
-- Where every single month January..m of a flow is known (fct_flow_month), m the last of them, and so is its
-- year-to-date through m (fct_flow_ytd), the months add up to the year-to-date. They differ only when the unit's
-- own reports disagree (a month reported beside a year-to-date range that says otherwise), which YTD_INCONSISTENT
-- may also show. One aggregation per series, not a running sum per month: a window sorting a national year of
-- months took minutes.
with run_scope as (   -- the unit-years the run loaded values for; run alone, every unit-year ever loaded
    select unit_code, year from etl_scope where run_id = getvariable('run_id')
    union
    select unit_code, year from etl_scope where getvariable('run_id') is null
),
series as (
    select unit_code, year, indicator_code, category_code,
           max(month) as month, count(*) as months_known, sum(month_value) as months_sum
    from fct_flow_month m
    semi join run_scope using (unit_code, year)
    where year between coalesce(getvariable('check_first_year'), 0) and coalesce(getvariable('check_last_year'), 9999)
    group by unit_code, year, indicator_code, category_code
)
select s.unit_code, s.year, s.indicator_code as indicator, s.category_code as category, s.month, s.months_sum, y.ytd_value
from series s
join fct_flow_ytd y
  on y.unit_code = s.unit_code and y.year = s.year and y.indicator_code = s.indicator_code
 and y.category_code = s.category_code and y.through_month = s.month
where s.months_known = s.month and s.months_sum <> y.ytd_value
  and y.year between coalesce(getvariable('check_first_year'), 0) and coalesce(getvariable('check_last_year'), 9999)
