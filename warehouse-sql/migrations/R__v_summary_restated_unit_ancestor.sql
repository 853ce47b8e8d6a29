-- The committees' export restated: every one of today's units' ancestors today, itself included, for every year
-- (v_summary_restated_unit), plus level 0, unit_code '*': all units. The columns of v_summary_unit_ancestor.

create or replace view v_summary_restated_unit_ancestor as
with ancestors as (
    select year, unit_code, level, [level1_code, level2_code, level3_code, level4_code] as codes
    from v_summary_restated_unit
)
select year, unit_code, '*' as ancestor_code, 0 as ancestor_level from ancestors
union all
select year, unit_code, codes[k] as ancestor_code, k as ancestor_level
from ancestors, range(1, 5) as r(k)
where k <= level and codes[k] is not null;
