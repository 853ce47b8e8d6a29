-- The committees' export restated, Admissions: v_yearly_admissions's columns from v_admission_rollup's restated
-- hierarchy (today's units, each grassroots organisation under its current successor), so that the export shows
-- that view's figures; reporting_units is grassroots_reporting. Level 0, unit_code '*': all of today's provinces.

create or replace view v_yearly_admissions_restated as
with rows as (
    select unit_code, unit_name, level, year, through_month, admitted_count, quota_count, grassroots_reporting
    from v_admission_rollup
    where hierarchy = 'restated'
),
units as (
    select * from rows
    union all
    select '*', null, 0, year, max(through_month), sum(admitted_count), sum(quota_count), sum(grassroots_reporting)
    from rows
    where level = 1
    group by year
)
select unit_code,
       unit_name,
       level,
       year,
       through_month,
       admitted_count::bigint                                                    as admitted_count,
       quota_count::bigint                                                       as quota_count,
       round(100.0 * admitted_count / nullif(quota_count, 0), 2)::decimal(12, 2) as attainment_pct,
       round(100.0 * through_month / 12, 2)::decimal(12, 2)                      as expected_pct,
       round(quota_count * through_month / 12)::bigint                           as expected_count,
       grassroots_reporting::bigint                                              as reporting_units
from units;
