-- Data-quality findings for the units and years this run touched, and their parents (for roll-ups).
-- Findings of those units and years are recomputed, never accumulated: a correction clears what it fixes.
-- Runs after derive.sql, one bucket at a time, in the connection where scope.sql and check_scope.sql ran:
-- this file, then each rule of rules/ in the order of its file name (each inserts its findings into
-- new_finding), then bucket_epilogue.sql.

-- This bucket's part of the run's check scope (check_scope.sql): its range of unit codes (scope_bucket.sql).
create or replace temp table check_scope as
select unit_code, year from check_scope_all
where in_bucket(unit_code);

delete from dq_finding_row f using check_scope s where f.unit_code = s.unit_code and f.year = s.year;

create or replace temp table new_finding (
    rule_code varchar, unit_code varchar, year integer, period varchar, indicator varchar, category varchar, detail varchar
);

-- The columns the rules below read: a copy of every column took twice as long. Here and below, a scan of a
-- many-year table is filtered on the run's first and last years, constants set by check_scope.sql, so it
-- skips the other years whatever order its joins are planned in, and on the bucket's range of unit codes
-- (in_bucket, scope.sql), so it skips the row groups derive wrote for the other buckets.
create or replace temp table scoped_value as
select v.unit_code, v.year, v.period, v.indicator_code, v.category_code, v.value
from fct_value v join check_scope s using (unit_code, year)
where v.year between getvariable('check_first_year') and getvariable('check_last_year')
  and in_bucket(v.unit_code);
