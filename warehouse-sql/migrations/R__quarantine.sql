-- An operator-facing quality view of INTERFACE.md: the rows that could not be used. Columns in order, more
-- may be added at the end.

create or replace view quarantine as
select run_id,
       file_path,
       line_number,
       raw_line,
       reason_code,
       detail,
       is_resolved,
       submission_id,
       unit_code,
       period,
       indicator,
       category,
       value_text,
       resolved_run_id,
       resolution,
       quarantine_key,
       sheet,          -- the sheet of an .xlsx submission (null for a CSV); line_number is then Excel's row number
       replaced_by     -- a refused file resolved by a later submission (resolution 'replaced'): that submission
from quarantine_row;
