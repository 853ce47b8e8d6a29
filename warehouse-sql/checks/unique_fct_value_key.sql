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
-- Keys held more than once are found without grouping every key: each unit and period's values are counted
-- against the (indicator, category) pairs they hold, as bits of a mask (category_bits()); a group with more values
-- than pairs repeats a key, or holds a pair the catalogue lacks, and only such groups (in the run's scope) are grouped
-- by the whole key. On a national month: 0.10 s, against 0.24 s grouping its 2 million keys by one hash of each.
candidate as (
    select f.unit_code, f.year, f.period
    from fct_value f
    semi join run_scope using (unit_code, year)
    left join category_bits() b using (indicator_code, category_code)
    where f.year between coalesce(getvariable('check_first_year'), 0) and coalesce(getvariable('check_last_year'), 9999)
    group by f.unit_code, f.year, f.period, b.word
    having count(*) > coalesce(bit_count(bit_or(b.bit)), 0)
)
select unit_code, year, period, indicator_code, category_code, count(*) as values_held
from fct_value f
semi join candidate using (unit_code, year, period)
where year between coalesce(getvariable('check_first_year'), 0) and coalesce(getvariable('check_last_year'), 9999)
group by unit_code, year, period, indicator_code, category_code
having count(*) > 1
