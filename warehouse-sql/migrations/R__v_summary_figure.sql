-- The committees' export: the figures each unit reported itself for a year, one row per unit, year, month,
-- indicator, category and measure:
--   'year'  a flow's year-to-date value at its latest month (through_month), month 0; also the year quota
--   'month' a single month's admissions (category total), month 1-12
--   'end'   a stock at the year's latest reported month, of units still there at the year's end; 'start' the
--           stock at the end of December before
-- v_summary_unit_rollup adds them up the hierarchy.

create or replace view v_summary_figure as
select unit_code, year, 0 as month, indicator_code, category_code, 'year' as measure,
       arg_max(ytd_value, through_month) as value, max(through_month) as through_month
from fct_flow_ytd
group by unit_code, year, indicator_code, category_code
union all
select unit_code, year, 0, 'admission_quota', category_code, 'year', quota_count, 12
from fct_quota
where period_kind = 'year'
union all
select unit_code, year, month, indicator_code, category_code, 'month', month_value, month
from fct_flow_month
where indicator_code = 'admitted' and category_code = 'total'
union all
select s.unit_code, s.year, 0, s.indicator_code, s.category_code, 'end', arg_max(s.stock_value, s.month), max(s.month)
from fct_stock s
semi join dim_unit u   -- a unit that ended during the year (merged, moved) holds no members at its end
  on u.unit_code = s.unit_code and coalesce(u.valid_to, date '9999-12-31') >= make_date(s.year, 12, 31)
group by s.unit_code, s.year, s.indicator_code, s.category_code
union all
select unit_code, year + 1, 0, indicator_code, category_code, 'start', stock_value, 0
from fct_stock
where month = 12;
