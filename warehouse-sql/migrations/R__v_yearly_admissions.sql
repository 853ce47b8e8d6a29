-- The committees' export, Admissions: per unit (as it was in the year, every level, '*' = all units) and year,
-- admissions January to through_month against the year quota, from v_summary_unit_rollup; expected_count is the
-- quota pro-rated to through_month, expected_pct where a unit on a steady pace would be.

create or replace view v_yearly_admissions as
with figures as (
    select unit_code, level, year,
           max(through_month) filter (where indicator_code = 'admitted')    as through_month,
           sum(value) filter (where indicator_code = 'admitted')            as admitted,
           sum(value) filter (where indicator_code = 'admission_quota')     as quota,
           max(reporting_units) filter (where indicator_code = 'admitted')  as reporting_units
    from v_summary_unit_rollup
    where measure = 'year' and category_code = 'total' and indicator_code in ('admitted', 'admission_quota')
    group by unit_code, level, year
)
select f.unit_code,
       n.unit_name,
       f.level,
       f.year,
       f.through_month,
       f.admitted::bigint                                                   as admitted_count,
       f.quota::bigint                                                      as quota_count,
       round(100.0 * f.admitted / nullif(f.quota, 0), 2)::decimal(12, 2)    as attainment_pct,
       round(100.0 * f.through_month / 12, 2)::decimal(12, 2)               as expected_pct,
       round(f.quota * f.through_month / 12)::bigint                        as expected_count,
       f.reporting_units
from figures f
left join v_summary_unit n using (unit_code, year);
