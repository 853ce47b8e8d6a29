-- The slice of v_summary_unit_rollup (or, restated, v_summary_restated_unit_rollup: the name replaced) that the
-- export's sections read: the year, the chosen unit and the units at the chosen level under it (the sections group by
-- unit, so no other row is read). Computed once per export instead of once per section: the roll-up of every figure
-- up the hierarchy is nearly all of an export's time. Parameters: year, chosen unit, level.
create temp table export_rollup as
select *
from v_summary_unit_rollup
where year = ?
  and (unit_code = ? or (level = ? and unit_code in (select unit_code from export_ancestor)))
