-- One bucket of the scope: the units whose hash falls in bucket getvariable('bucket') of getvariable('buckets').

create or replace temp table scope_unit_year as
select unit_code, year from scope_all
where hash(unit_code) % getvariable('buckets') = getvariable('bucket');
