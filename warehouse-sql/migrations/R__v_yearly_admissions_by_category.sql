-- The committees' export, Admissions by category: per unit (every level, '*' = all units), year and category
-- other than total, the category's admissions and its share of the total over the same months.

create or replace view v_yearly_admissions_by_category as
with category as (
    select unit_code, level, year, category_code as category, value, through_month
    from v_summary_unit_rollup
    where measure = 'year' and indicator_code = 'admitted' and category_code <> 'total'
),
total as (
    select unit_code, year, value as total
    from v_summary_unit_rollup
    where measure = 'year' and indicator_code = 'admitted' and category_code = 'total'
)
select c.unit_code,
       n.unit_name,
       c.level,
       c.year,
       c.category,
       k.label_vi                                                        as category_label_vi,
       c.through_month,
       c.value::bigint                                                   as admitted_count,
       round(100.0 * c.value / nullif(t.total, 0), 2)::decimal(12, 2)    as share_of_total_pct
from category c
left join total t using (unit_code, year)
left join dim_category k on k.indicator_code = 'admitted' and k.category_code = c.category
left join v_summary_unit n using (unit_code, year);
