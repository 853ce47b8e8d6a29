-- severity: error
-- reads: values
-- Within a run only the unit-years the run loaded values for are read (etl_scope of getvariable('run_id')), in
-- the run's years (check_first_year..check_last_year, set by check/check_scope.sql); run alone, without those
-- variables, a check reads the whole warehouse.
-- fct_value holds one current value per unit, period, indicator and category: the corrections rule leaves one.
with run_scope as (   -- the unit-years the run loaded values for; run alone, every unit-year ever loaded
    select unit_code, year from etl_scope where run_id = getvariable('run_id')
    union
    select unit_code, year from etl_scope where getvariable('run_id') is null
),
-- Keys held more than once, found by one 64-bit hash of the key first: a grouping by the five text columns of a
-- national month's 2 million values took three times as long. The grouping below, on the candidates alone, gives
-- exactly the keys held twice (a hash shared by two keys only adds a candidate).
repeated as (
    select hash(unit_code, year, period, indicator_code, category_code) as key_hash
    from fct_value
    semi join run_scope using (unit_code, year)
    where year between coalesce(getvariable('check_first_year'), 0) and coalesce(getvariable('check_last_year'), 9999)
    group by key_hash
    having count(*) > 1
)
select unit_code, year, period, indicator_code, category_code, count(*) as values_held
from fct_value f
semi join run_scope using (unit_code, year)
where year between coalesce(getvariable('check_first_year'), 0) and coalesce(getvariable('check_last_year'), 9999)
  and hash(unit_code, year, period, indicator_code, category_code) in (select key_hash from repeated)
group by unit_code, year, period, indicator_code, category_code
having count(*) > 1
