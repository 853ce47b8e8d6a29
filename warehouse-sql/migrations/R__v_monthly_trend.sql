-- One row per unit, indicator, category, year and month whose single month is known: a flow's month as
-- derive gives it (fct_flow_month: reported as that month, or the difference of two known year-to-date
-- figures), a stock's value at the end of the month (fct_stock). A flow reported only by quarter or half has
-- no single months here: they are not known. Beside each month, the same month a year earlier where known,
-- and the change in per cent (NULL where last year's figure is unknown or 0); the catalogue's Vietnamese labels last.

create or replace view v_monthly_trend as
with monthly as (
    select unit_code, indicator_code as indicator, category_code as category, year, month, month_value as value,
           'flow' as kind, source
    from fct_flow_month
    union all
    select unit_code, indicator_code, category_code, year, month, stock_value, 'stock', 'reported'
    from fct_stock
),
joined as (
    select cur.unit_code, cur.indicator, cur.category, cur.year, cur.month, cur.value,
           prev.value as value_same_month_last_year,
           round(100.0 * (cur.value - prev.value) / nullif(prev.value, 0), 2)::decimal(12, 2) as change_pct,
           cur.kind, cur.source
    from monthly cur
    left join monthly prev
      on prev.unit_code = cur.unit_code and prev.indicator = cur.indicator and prev.category = cur.category
     and prev.year = cur.year - 1 and prev.month = cur.month
)
select j.*, i.label_vi as indicator_label_vi, c.label_vi as category_label_vi
from joined j
left join dim_indicator i on i.indicator_code = j.indicator
left join dim_category c on c.indicator_code = j.indicator and c.category_code = j.category;
