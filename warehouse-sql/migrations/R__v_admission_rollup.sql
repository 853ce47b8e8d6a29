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
-- The figures are read from what derive keeps (fct_admitted_stretch and fct_admitted_year, V14): computed here from
-- fct_flow_ytd, the roll-up of one year of a national warehouse took 1.9 s. A grassroots organisation is counted
-- once under a unit by the first of its stretches there (flags from one sort: a count of distinct codes cost a second).
-- Every CTE is used once, so DuckDB inlines them and a filter on year reaches the tables' scans.

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
counted as (   -- each stretch's admissions, kept by derive (fct_admitted_stretch, V14); none: not reporting
    select p.unit_code, p.district_code, p.province_code, p.year, p.first_month, a.through_month, a.admitted_count as admitted
    from stretch p
    left join fct_admitted_stretch a
      on a.unit_code = p.unit_code and a.year = p.year and a.first_month = p.first_month and a.last_month = p.last_month
),
flagged as (   -- a grassroots organisation counts once under a unit: by the first of its stretches there in the year
    select c.*,
           row_number() over stretches = 1                                                       as first_in_year,
           bool_or(c.through_month is not null) over whole_year                                   as reported_in_year,
           not list_contains(coalesce(list(c.district_code) over before, []), c.district_code)   as first_in_district,
           list_contains(list(c.district_code) filter (where c.through_month is not null) over whole_year,
                         c.district_code)                                                          as reported_in_district,
           not list_contains(coalesce(list(c.province_code) over before, []), c.province_code)   as first_in_province,
           list_contains(list(c.province_code) filter (where c.through_month is not null) over whole_year,
                         c.province_code)                                                          as reported_in_province
    from counted c
    window stretches as (partition by c.unit_code, c.year order by c.first_month),
           whole_year as (partition by c.unit_code, c.year),
           before as (partition by c.unit_code, c.year order by c.first_month rows between unbounded preceding and 1 preceding)
),
grassroots as (   -- each stretch under its ancestors then, and under its current successor's ancestors today
    select c.year, c.through_month, c.admitted,
           unnest([{'hierarchy': 'as_was', 'unit_code': c.unit_code, 'counts': c.first_in_year, 'reports': c.reported_in_year},
                   {'hierarchy': 'as_was', 'unit_code': c.district_code, 'counts': c.first_in_district, 'reports': c.reported_in_district},
                   {'hierarchy': 'as_was', 'unit_code': c.province_code, 'counts': c.first_in_province, 'reports': c.reported_in_province},
                   {'hierarchy': 'restated', 'unit_code': t.unit_code, 'counts': c.first_in_year, 'reports': c.reported_in_year},
                   {'hierarchy': 'restated', 'unit_code': nullif(t.grassroots_code, t.unit_code), 'counts': c.first_in_year, 'reports': c.reported_in_year},
                   {'hierarchy': 'restated', 'unit_code': nullif(t.district_code, t.unit_code), 'counts': c.first_in_year, 'reports': c.reported_in_year},
                   {'hierarchy': 'restated', 'unit_code': nullif(t.province_code, t.unit_code), 'counts': c.first_in_year, 'reports': c.reported_in_year}]) as h
    from flagged c
    join dim_unit_successor s on s.unit_code = c.unit_code
    left join dim_unit_placement t on t.unit_code = s.current_code and t.valid_to = date '9999-12-31'
),
own as (   -- a unit's own report and quota: its own row as it was, its current successor's restated
    select o.year, o.reported, o.quota,
           unnest([{'hierarchy': 'as_was', 'unit_code': o.unit_code}, {'hierarchy': 'restated', 'unit_code': s.current_code}]) as h
    from (select unit_code, year, admitted_count as reported, quota_count as quota from admission_unit_years()) o
    join dim_unit_successor s on s.unit_code = o.unit_code
),
contributions as (   -- a stretch counts a grassroots organisation where it is its first under the unit that year
    select h.hierarchy, h.unit_code, year, through_month, admitted, h.counts, h.counts and h.reports as reports,
           null as reported, null as quota
    from grassroots
    where h.unit_code is not null   -- a level its chain has none of, or a unit with no place today
    union all
    select h.hierarchy, h.unit_code, year, null, null, false, false, reported, quota
    from own
),
summed as (
    select hierarchy, unit_code, year,
           max(through_month)              as through_month,
           sum(admitted)                   as admitted_count,
           sum(quota)                      as quota_count,
           sum(reported)                   as reported_count,
           count(*) filter (where reports) as grassroots_reporting,
           count(*) filter (where counts)  as grassroots_expected
    from contributions
    group by hierarchy, unit_code, year
    having bool_or(counts)
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
       attainment_pct(admitted_count, quota_count)                                as attainment_pct,
       reported_count::bigint                                                    as reported_count,
       grassroots_reporting,
       grassroots_expected
from named;
