-- The run's values when it wrote no lake file: none, with the lake files' columns (stage/value.sql).

create or replace temp view stage_value as
select * from (values (null::varchar, null::bigint, null::varchar, null::varchar, null::varchar,
    null::integer, null::integer, null::integer, null::integer, null::varchar, null::varchar,
    null::double, null::varchar, null::bigint, null::varchar))
    as t(submission_id, line_number, unit_code, period, period_kind, year, start_month, end_year,
         end_month, indicator_code, category_code, value, comment, quarantine_key, sheet)
where false;
