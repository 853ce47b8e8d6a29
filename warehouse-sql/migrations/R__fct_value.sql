-- The current value of each unit, period, indicator and category: fct_reported_value's current rows, with the
-- columns fct_value had when it was a table (V2), in the same order, and the sheet of a workbook's value (V9) last.
-- Each value is stored once (V6).

create or replace view fct_value as
select submission_id, line_number, unit_code, period, period_kind, year, start_month, end_year, end_month,
       indicator_code, category_code, value, comment, run_id, submitted_at, sheet
from fct_reported_value
where is_current;
