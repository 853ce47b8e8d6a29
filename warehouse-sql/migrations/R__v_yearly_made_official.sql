-- The committees' export, Made official: probationary members made official, January to through_month, per
-- unit (every level, '*' = all units) and year, from v_summary_unit_rollup.

create or replace view v_yearly_made_official as
select r.unit_code,
       n.unit_name,
       r.level,
       r.year,
       r.through_month,
       r.value::bigint as made_official_count
from v_summary_unit_rollup r
left join v_summary_unit n using (unit_code, year)
where r.measure = 'year' and r.indicator_code = 'made_official' and r.category_code = 'total';
