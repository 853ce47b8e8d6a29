-- Workbook submissions and refused files replaced by a later one.
-- sheet: the sheet of an .xlsx submission a value or a quarantined row came from, beside its line number (the row as
-- Excel numbers it); null for a CSV. replaced_by: the submission that resolved a refused file by replacing it
-- (resolution 'replaced'). Added at the end: the views keep their columns and gain these last.
alter table fct_reported_value add column sheet varchar;
alter table quarantine_row add column sheet varchar;
alter table quarantine_row add column replaced_by varchar;
