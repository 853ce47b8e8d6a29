-- One row per unit (as it was in that year) and year with an admission quota or admissions. level, parent_code and
-- province_code are as in that year (its last placement in the year: dim_unit_placement, V13).
-- Every CTE is used once, so DuckDB inlines them and a filter on year reaches the fact tables' scans: one
-- year of a five-year national warehouse reads a fifth of fct_flow_ytd (0.3 s instead of 0.9 s). A CTE
-- used twice is materialized whole first, and DuckDB does not keep a NOT MATERIALIZED hint in a view.

create or replace view v_admission_attainment as
with unit_years as (   -- admissions and quota (admission_unit_years(), V14's fct_admitted_year)
    select * from admission_unit_years()
),
named as (
    select y.unit_code, y.year, y.through_month, y.admitted_count, y.quota_count,
           arg_max(u.unit_name, u.valid_from)     as unit_name,
           arg_max(u.level, u.valid_from)         as level,
           arg_max(u.parent_code, u.valid_from)   as parent_code,
           arg_max(u.province_code, u.valid_from) as province_code
    from unit_years y
    left join dim_unit_placement u
      on u.unit_code = y.unit_code
     and u.valid_from <= make_date(y.year, 12, 31)
     and u.valid_to >= make_date(y.year, 1, 1)
    group by y.unit_code, y.year, y.through_month, y.admitted_count, y.quota_count
),
joined as (
    select unit_code, unit_name, year, through_month,
           admitted_count::bigint as admitted_count,
           quota_count::bigint as quota_count,
           attainment_pct(admitted_count, quota_count) as attainment_pct,
           expected_pct(through_month) as expected_pct,
           level, parent_code, province_code
    from named
)
select unit_code, unit_name, year, through_month, admitted_count, quota_count, attainment_pct, expected_pct,
       attainment_pct >= expected_pct as is_on_track,
       level, parent_code, province_code
from joined;
