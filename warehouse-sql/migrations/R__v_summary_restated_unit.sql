-- The committees' export restated (--restated): today's units (dim_unit_placement's stretches still in force), one
-- row per unit and year, with the columns of v_summary_unit, so that a restated export lists today's units in every
-- year. A unit that ended without a successor has no place today and is absent.

create or replace view v_summary_restated_unit as
with years as (
    select distinct year from dim_month
)
select y.year,
       t.unit_code,
       t.unit_name,
       t.level,
       t.parent_code,
       t.province_code                                 as level1_code,
       t.district_code                                 as level2_code,
       t.grassroots_code                               as level3_code,
       case when t.level = 4 then t.unit_code end      as level4_code
from dim_unit_placement t
cross join years y
where t.valid_to = date '9999-12-31';
