-- A parent's own report beside the sum of its children's, side by side: one row per parent, period, indicator and
-- category (flows and stocks) that the parent or any of its children reported. Children are the units whose
-- parent it was during the period (as it was); a child counts once however many versions it had in the period.
-- difference = reported_value - children_sum, NULL where either is missing; children_reported of
-- children_expected tells whether the sum is complete. ROLLUP_MISMATCH flags the differences that are certain.

create or replace view v_rollup_reconciliation as
with reported as (   -- every current flow or stock value, with the days its period spans
    select v.unit_code, v.period, v.indicator_code, v.category_code, v.value,
           make_date(v.year, v.start_month, 1)                  as period_start,
           last_day(make_date(v.end_year, v.end_month, 1))      as period_end
    from fct_value v
    join dim_indicator i using (indicator_code)
    where i.kind in ('flow', 'stock')
),
child_value as (
    select distinct u.parent_code, r.unit_code, r.period, r.indicator_code, r.category_code, r.value, r.period_start, r.period_end
    from reported r
    join dim_unit u
      on u.unit_code = r.unit_code
     and u.valid_from <= r.period_end
     and coalesce(u.valid_to, date '9999-12-31') >= r.period_start
    where u.parent_code is not null
),
children as (
    select parent_code as unit_code, period, indicator_code, category_code, period_start, period_end,
           sum(value) as children_sum, count(*) as children_reported
    from child_value
    group by parent_code, period, indicator_code, category_code, period_start, period_end
),
paired as (
    select unit_code, period, indicator_code, category_code, period_start, period_end,
           p.value as reported_value, c.children_sum, c.children_reported
    from (select unit_code, period, indicator_code, category_code, period_start, period_end, value from reported) p
    full join children c using (unit_code, period, indicator_code, category_code, period_start, period_end)
),
expected as (   -- the units whose parent it was at some time in the period
    select p.unit_code, p.period, p.period_start, p.period_end, count(distinct u.unit_code) as children_expected
    from (select distinct unit_code, period, period_start, period_end from paired) p
    join dim_unit u
      on u.parent_code = p.unit_code
     and u.valid_from <= p.period_end
     and coalesce(u.valid_to, date '9999-12-31') >= p.period_start
    group by p.unit_code, p.period, p.period_start, p.period_end
),
joined as (
    select p.unit_code, p.period, p.indicator_code as indicator, p.category_code as category,
           p.reported_value, p.children_sum,
           p.reported_value - p.children_sum         as difference,
           coalesce(p.children_reported, 0)          as children_reported,
           e.children_expected
    from paired p
    join expected e using (unit_code, period, period_start, period_end)
)
select j.*, i.label_vi as indicator_label_vi, c.label_vi as category_label_vi
from joined j
left join dim_indicator i on i.indicator_code = j.indicator
left join dim_category c on c.indicator_code = j.indicator and c.category_code = j.category;
