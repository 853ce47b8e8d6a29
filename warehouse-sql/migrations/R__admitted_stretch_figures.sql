-- admitted_stretch_figures(): the rows of fct_admitted_stretch (V14) as computed from dim_unit_placement,
-- fct_admitted_year and fct_flow_ytd: each grassroots organisation's admissions per year and stretch of unchanged
-- parents with admissions in it. Derive and the load's unit history filter it to the units and years they rewrite
-- (a filter on unit_code or year reaches the fact tables' scans).

create or replace macro admitted_stretch_figures() as table
with stretch as (   -- the level-3 placements cut to each year the unit has admissions in
    select p.unit_code, a.year,
           case when p.valid_from > make_date(a.year, 1, 1) then month(p.valid_from) else 1 end   as first_month,
           case when p.valid_to < make_date(a.year, 12, 31) then month(p.valid_to) else 12 end    as last_month
    from dim_unit_placement p
    join fct_admitted_year a
      on a.unit_code = p.unit_code and a.year between year(p.valid_from) and year(p.valid_to)
    where p.level = 3
)
select s.unit_code, s.year, s.first_month, s.last_month,
       max(y.through_month) as through_month,
       arg_max(y.ytd_value, y.through_month)
         - coalesce(arg_max(y.ytd_value, y.through_month) filter (where y.through_month < s.first_month), 0) as admitted_count
from stretch s
join fct_flow_ytd y
  on y.unit_code = s.unit_code and y.year = s.year and y.through_month <= s.last_month
 and y.indicator_code = 'admitted' and y.category_code = 'total'
group by s.unit_code, s.year, s.first_month, s.last_month
having max(y.through_month) >= s.first_month;
