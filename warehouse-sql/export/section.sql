-- One section of the committees' export: its view's rows for the year, the units at the chosen level under the
-- chosen unit (or under '*', all units), and the chosen unit's own row, the total, last. v_yearly_section and
-- row_key are replaced by the section's view and its row key (unit_code, then e.g. category).
-- Parameters: year, chosen unit, year, chosen unit, level, chosen unit.
select *
from v_yearly_section
where year = ?
  and (unit_code = ?
       or (unit_code in (select unit_code from v_summary_unit_ancestor where year = ? and ancestor_code = ?)
           and level = ?))
order by unit_code = ?, row_key
