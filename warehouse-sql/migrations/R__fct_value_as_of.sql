-- fct_value as the warehouse knew it at a moment: fct_value_as_of(as_of) returns fct_value's columns, in the
-- same order, for the submissions received by as_of only, with the corrections rule applied among them. A
-- submission's time is its modified time (dim_submission.modified_at, local time of memberstat.zone), the
-- time the load ranks corrections by: for each unit, period and indicator the latest submission wins, all
-- categories of it, ties by file path. A value corrected later shows its figure from before the correction.
-- The body names tables unqualified, so the macro works in the published file under any name and in
-- DuckDB 1.4 clients.

create or replace macro fct_value_as_of(as_of) as table
with received as (
    select submission_id, file_path, modified_at
    from dim_submission
    where modified_at <= as_of
),
reported as (
    select r.*, s.file_path, s.modified_at
    from fct_reported_value r
    join received s using (submission_id)
),
winner as (
    select unit_code, period, year, indicator_code,
           arg_max(submission_id, strftime(modified_at, '%Y%m%d%H%M%S.%g') || chr(1) || file_path || chr(1) || submission_id)
               as submission_id
    from reported
    group by unit_code, period, year, indicator_code
),
standing as (
    select submission_id, line_number, unit_code, period, period_kind, year, start_month, end_year, end_month,
           indicator_code, category_code, value, comment, run_id, submitted_at, sheet
    from reported
    semi join winner using (unit_code, period, year, indicator_code, submission_id)
)
select * from standing;
