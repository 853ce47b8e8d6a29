-- The committees' export, admissions per month (category total): per unit (every level, '*' = all units), year
-- and month, from v_summary_unit_rollup; the workbook's and the report's monthly chart.

create or replace view v_yearly_admissions_by_month as
select r.unit_code,
       n.unit_name,
       r.level,
       r.year,
       r.month,
       r.value::bigint as admitted_count
from v_summary_unit_rollup r
left join v_summary_unit n using (unit_code, year)
where r.measure = 'month' and r.indicator_code = 'admitted' and r.category_code = 'total';
