-- The export's unit names for the year, from v_summary_unit or, restated, v_summary_restated_unit (the name
-- replaced): what the sections' views join for unit_name. Parameter: year.
create temp table export_unit as
select *
from v_summary_unit
where year = ?
