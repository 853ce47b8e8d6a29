-- admission_unit_years(): each unit-year with admissions or an admission quota in total: the latest year-to-date
-- (fct_admitted_year, V14) and the year's count quota. What v_admission_attainment shows as it was, what
-- v_admission_attainment_restated adds up under current successors, and each unit's own report in
-- v_admission_rollup. A macro is inlined where it is called, so a filter on year reaches the tables' scans.

create or replace macro admission_unit_years() as table
with quota as (
    select unit_code, year, quota_count
    from fct_quota
    where period_kind = 'year' and category_code = 'total'
)
select unit_code, year, a.through_month, a.admitted_count, q.quota_count
from fct_admitted_year a
full join quota q using (unit_code, year);
