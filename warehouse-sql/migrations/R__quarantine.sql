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
       quarantine_key
from quarantine_row;
