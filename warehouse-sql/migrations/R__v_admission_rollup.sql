-- Admissions added up the hierarchy, two ways: as it was ('as_was': a unit counts the grassroots organisations
-- under it at the time) and restated to today's units ('restated': each grassroots organisation counts under its
-- current successor and that unit's ancestors today). One row per unit, year and hierarchy with a grassroots
-- organisation under it (or that is one). Only grassroots organisations' own reports are added, for the days they
-- were one (level 3), so nothing is counted twice: a branch under one, or a district's consolidated report, is
-- not added on top. A grassroots organisation whose parents changed during the year counts under each for its
-- days there: the year-to-date at the last month of that stretch, less the one before it began (the latest
-- known, else 0); the stretches of a year add up to its year-to-date. A unit that ended without a successor has
-- no place among today's units and counts in no restated row.
-- reported_count is the unit's own report; restated, with its predecessors' (as v_admission_attainment_restated).
-- Years run from a grassroots organisation's first to the latest run's: one it existed in but reported nothing for
-- has reporting 0 of expected.
-- One pass: every CTE is used once, so DuckDB inlines them and a filter on year reaches the fact tables' scans.

create or replace view v_admission_rollup as
with horizon as (   -- years up to the latest run's (etl_run is small: a scan of the facts for their years cost a second)
    select year(max(run_date)) as last_year from etl_run
),
stretch as (   -- each grassroots organisation's stretches of unchanged parents (dim_unit_placement), within a year
    select p.unit_code, p.district_code, p.province_code, m.year,
           case when p.valid_from > m.first_day then month(p.valid_from) else 1 end            as first_month,
           case when p.valid_to < make_date(m.year, 12, 31) then month(p.valid_to) else 12 end as last_month
    from dim_unit_placement p
    cross join horizon h
    join dim_month m on m.month = 1 and m.year between year(p.valid_from) and least(year(p.valid_to), h.last_year)
    where p.level = 3
),
counted as (
    select p.unit_code, p.district_code, p.province_code, p.year,
           max(y.through_month) filter (where y.through_month >= p.first_month)                   as through_month,
           arg_max(y.ytd_value, y.through_month) filter (where y.through_month >= p.first_month)
             - coalesce(arg_max(y.ytd_value, y.through_month) filter (where y.through_month < p.first_month), 0) as admitted
    from stretch p
    left join fct_flow_ytd y
      on y.unit_code = p.unit_code and y.year = p.year and y.through_month <= p.last_month
     and y.indicator_code = 'admitted' and y.category_code = 'total'
    group by p.unit_code, p.district_code, p.province_code, p.year, p.first_month, p.last_month
),
grassroots as (   -- each stretch under its ancestors then, and under its current successor's ancestors today
    select c.unit_code as grassroots_code, c.year, c.through_month, c.admitted,
           unnest([{'hierarchy': 'as_was', 'unit_code': c.unit_code},
                   {'hierarchy': 'as_was', 'unit_code': c.district_code},
                   {'hierarchy': 'as_was', 'unit_code': c.province_code},
                   {'hierarchy': 'restated', 'unit_code': t.unit_code},
                   {'hierarchy': 'restated', 'unit_code': nullif(t.grassroots_code, t.unit_code)},
                   {'hierarchy': 'restated', 'unit_code': nullif(t.district_code, t.unit_code)},
                   {'hierarchy': 'restated', 'unit_code': nullif(t.province_code, t.unit_code)}]) as h
    from counted c
    join dim_unit_successor s on s.unit_code = c.unit_code
    left join dim_unit_placement t on t.unit_code = s.current_code and t.valid_to = date '9999-12-31'
),
own_admitted as (
    select unit_code, year, arg_max(ytd_value, through_month) as reported
    from fct_flow_ytd
    where indicator_code = 'admitted' and category_code = 'total'
    group by unit_code, year
),
own_quota as (
    select unit_code, year, quota_count as quota
    from fct_quota
    where period_kind = 'year' and category_code = 'total'
),
own as (   -- a unit's own report and quota: its own row as it was, its current successor's restated
    select o.year, o.reported, o.quota,
           unnest([{'hierarchy': 'as_was', 'unit_code': o.unit_code}, {'hierarchy': 'restated', 'unit_code': s.current_code}]) as h
    from (select * from own_admitted full join own_quota using (unit_code, year)) o
    join dim_unit_successor s on s.unit_code = o.unit_code
),
contributions as (
    select h.hierarchy, h.unit_code, year, grassroots_code, through_month, admitted, null as reported, null as quota
    from grassroots
    where h.unit_code is not null   -- a level its chain has none of, or a unit with no place today
    union all
    select h.hierarchy, h.unit_code, year, null, null, null, reported, quota
    from own
),
summed as (
    select hierarchy, unit_code, year,
           max(through_month)                                                        as through_month,
           sum(admitted)                                                             as admitted_count,
           sum(quota)                                                                as quota_count,
           sum(reported)                                                             as reported_count,
           count(distinct grassroots_code) filter (where through_month is not null) as grassroots_reporting,
           count(distinct grassroots_code)                                           as grassroots_expected
    from contributions
    group by hierarchy, unit_code, year
    having count(grassroots_code) > 0
),
named as (   -- as it was: the unit at the end of its time in the year; restated: as it is today
    select s.unit_code, arg_max(u.unit_name, u.valid_from) as unit_name, arg_max(u.level, u.valid_from) as level,
           s.year, s.hierarchy, s.through_month, s.admitted_count, s.quota_count, s.reported_count,
           s.grassroots_reporting, s.grassroots_expected
    from summed s
    join dim_unit_placement u
      on u.unit_code = s.unit_code
     and u.valid_from <= case when s.hierarchy = 'as_was' then make_date(s.year, 12, 31) else date '9999-12-31' end
     and u.valid_to >= case when s.hierarchy = 'as_was' then make_date(s.year, 1, 1) else date '9999-12-31' end
    group by all
)
select unit_code, unit_name, level, year, hierarchy, through_month,
       admitted_count::bigint                                                    as admitted_count,
       quota_count::bigint                                                       as quota_count,
       round(100.0 * admitted_count / nullif(quota_count, 0), 2)::decimal(12, 2) as attainment_pct,
       reported_count::bigint                                                    as reported_count,
       grassroots_reporting,
       grassroots_expected
from named;
