-- The committees' export: each unit as it was in a year (its last version that year), with its ancestors then.
-- One row per unit and year from the unit's first to its last year; the export's rows and their names.

create or replace view v_summary_unit as
with years as (
    select distinct year, make_date(year, 1, 1) as first_day, make_date(year, 12, 31) as last_day from dim_month
)
select y.year,
       u.unit_code,
       arg_max(u.unit_name, u.valid_from)   as unit_name,
       arg_max(u.level, u.valid_from)       as level,
       arg_max(u.parent_code, u.valid_from) as parent_code,
       arg_max(u.level1_code, u.valid_from) as level1_code,
       arg_max(u.level2_code, u.valid_from) as level2_code,
       arg_max(u.level3_code, u.valid_from) as level3_code,
       arg_max(u.level4_code, u.valid_from) as level4_code
from dim_unit u
join years y
  on u.valid_from <= y.last_day
 and coalesce(u.valid_to, date '9999-12-31') >= y.first_day
group by y.year, u.unit_code;
