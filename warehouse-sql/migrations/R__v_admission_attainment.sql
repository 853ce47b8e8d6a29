-- One row per unit (as it was in that year) and year with an admission quota or admissions.
-- The CTEs are inlined (not materialized), so that a filter on year reaches the fact tables' scans:
-- one year of a five-year national warehouse then reads a fifth of fct_flow_ytd, not all of it.

create or replace view v_admission_attainment as
with admitted as not materialized (
    select unit_code,
           year,
           max(through_month)                  as through_month,
           arg_max(ytd_value, through_month)   as admitted_count
    from fct_flow_ytd
    where indicator_code = 'admitted' and category_code = 'total'
    group by unit_code, year
),
quota as not materialized (
    select unit_code, year, quota_count
    from fct_quota
    where period_kind = 'year' and category_code = 'total'
),
unit_years as not materialized (
    select unit_code, year from admitted
    union
    select unit_code, year from quota
),
unit_names as not materialized (
    select y.unit_code,
           y.year,
           arg_max(u.unit_name, u.valid_from) as unit_name
    from unit_years y
    join dim_unit u
      on u.unit_code = y.unit_code
     and u.valid_from <= make_date(y.year, 12, 31)
     and coalesce(u.valid_to, date '9999-12-31') >= make_date(y.year, 1, 1)
    group by y.unit_code, y.year
),
joined as not materialized (
    select y.unit_code,
           n.unit_name,
           y.year,
           a.through_month,
           a.admitted_count::bigint                                                   as admitted_count,
           q.quota_count::bigint                                                      as quota_count,
           round(100.0 * a.admitted_count / nullif(q.quota_count, 0), 2)::decimal(12, 2) as attainment_pct,
           round(100.0 * a.through_month / 12, 2)::decimal(12, 2)                     as expected_pct
    from unit_years y
    left join admitted a using (unit_code, year)
    left join quota q using (unit_code, year)
    left join unit_names n using (unit_code, year)
)
select *,
       attainment_pct >= expected_pct as is_on_track
from joined;
