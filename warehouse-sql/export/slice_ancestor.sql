-- The export's units: every unit under the chosen unit (itself included; '*' = all units) in the year, from
-- v_summary_unit_ancestor or, restated, v_summary_restated_unit_ancestor (the name replaced). A TEMP table of the
-- export's own connection, read by every section. Parameters: year, chosen unit.
create temp table export_ancestor as
select *
from v_summary_unit_ancestor
where year = ? and ancestor_code = ?
