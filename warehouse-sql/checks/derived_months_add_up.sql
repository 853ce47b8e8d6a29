-- severity: warn
-- Within a run only the run's years are read (check_first_year..check_last_year, set by check/check_scope.sql);
-- run alone, without those variables, a check reads every year.
-- Where every single month January..m of a flow is known (fct_flow_month) and so is its year-to-date through m
-- (fct_flow_ytd), the months add up to the year-to-date. They differ only when the unit's own reports disagree
-- (a month reported beside a year-to-date range that says otherwise), which YTD_INCONSISTENT may also show.
with running as (
    select unit_code, year, indicator_code, category_code, month,
           sum(month_value) over w as months_sum,
           count(*) over w as months_known
    from fct_flow_month
    where year between coalesce(getvariable('check_first_year'), 0) and coalesce(getvariable('check_last_year'), 9999)
    window w as (partition by unit_code, year, indicator_code, category_code order by month
                 rows between unbounded preceding and current row)
)
select r.unit_code, r.year, r.indicator_code as indicator, r.category_code as category, r.month,
       r.months_sum, y.ytd_value
from running r
join fct_flow_ytd y
  on y.unit_code = r.unit_code and y.year = r.year and y.indicator_code = r.indicator_code
 and y.category_code = r.category_code and y.through_month = r.month
where r.months_known = r.month and r.months_sum <> y.ytd_value
