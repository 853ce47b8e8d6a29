-- v_admission_attainment restated to today's units: one row per current unit and year, the admissions and quotas
-- of every unit whose current successor it is (dim_unit_successor, V13), itself included, added up. A split year
-- adds its parts: in 2025 a ward counts its abolished district's January-June and its own July onward. through_month
-- is the latest month the parts cover. Name, level, parent and province are the current unit's, as today.
-- Each CTE is used once, so a filter on year reaches the fact tables' scans (see v_admission_attainment).

create or replace view v_admission_attainment_restated as
with unit_years as (   -- admissions and quota (admission_unit_years(), V14's fct_admitted_year)
    select * from admission_unit_years()
),
restated as (
    select s.current_code as unit_code, y.year,
           max(y.through_month)  as through_month,
           sum(y.admitted_count) as admitted_count,
           sum(y.quota_count)    as quota_count
    from unit_years y
    join dim_unit_successor s using (unit_code)
    group by s.current_code, y.year
),
today as (   -- the current unit as it is now (as on its last day, for one that ended without a successor)
    select unit_code,
           arg_max(unit_name, valid_from)     as unit_name,
           arg_max(level, valid_from)         as level,
           arg_max(parent_code, valid_from)   as parent_code,
           arg_max(province_code, valid_from) as province_code
    from dim_unit_placement
    group by unit_code
),
joined as (
    select r.unit_code, t.unit_name, r.year, r.through_month,
           r.admitted_count::bigint as admitted_count,
           r.quota_count::bigint as quota_count,
           attainment_pct(r.admitted_count, r.quota_count) as attainment_pct,
           expected_pct(r.through_month) as expected_pct,
           t.level, t.parent_code, t.province_code
    from restated r
    left join today t using (unit_code)
)
select unit_code, unit_name, year, through_month, admitted_count, quota_count, attainment_pct, expected_pct,
       attainment_pct >= expected_pct as is_on_track,
       level, parent_code, province_code
from joined;
