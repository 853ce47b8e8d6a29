-- One section of the committees' export: its view's rows for the year, the units at the chosen level under the
-- chosen unit (or under '*', all units), and the chosen unit's own row, the total, last. v_yearly_section and
-- row_key are replaced by the section's view (or its definition reading the export's TEMP tables) and its row key
-- (unit_code, then e.g. category); export_ancestor is the export's units (slice_ancestor.sql) or, for a section
-- shown as it was in a restated export, v_summary_unit_ancestor itself.
-- Parameters: year, chosen unit, year, chosen unit, level, chosen unit.
select *
from v_yearly_section
where year = ?
  and (unit_code = ?
       or (unit_code in (select unit_code from export_ancestor where year = ? and ancestor_code = ?)
           and level = ?))
order by unit_code = ?, row_key
