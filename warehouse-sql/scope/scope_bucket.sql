-- One bucket of the scope: the units whose code falls in range getvariable('bucket') of scope_bucket_range
-- (scope.sql). A scope with no units has no bucket, so this never runs for it.

set variable bucket_from = (select bucket_from from scope_bucket_range where bucket = getvariable('bucket'));

set variable bucket_to = (select bucket_to from scope_bucket_range where bucket = getvariable('bucket'));

create or replace temp table scope_unit_year as
select unit_code, year from scope_all where in_bucket(unit_code);
