-- severity: error
-- reads: values
-- Within a run only the unit-years the run loaded values for are read (etl_scope of getvariable('run_id')), in
-- the run's years (check_first_year..check_last_year, set by check/check_scope.sql); run alone, without those
-- variables, a check reads the whole warehouse.
-- The derived facts hold one row per key: a year-to-date per month, a single month, a stock per month end,
-- a quota per period and category.
with run_scope as (   -- the unit-years the run loaded values for; run alone, every unit-year ever loaded
    select unit_code, year from etl_scope where run_id = getvariable('run_id')
    union
    select unit_code, year from etl_scope where getvariable('run_id') is null
)
-- Each fact's keys held more than once are found without grouping every key: each unit and month's rows are counted
-- against the (indicator, category) pairs they hold, as bits of a mask (category_bits()); a group with more rows
-- than pairs repeats a key, or holds a pair the catalogue lacks, and only such groups (in the run's scope) are grouped
-- by the whole key. On a national month: 0.20 s, against 0.36 s grouping every key by one hash of it.
select 'fct_flow_ytd' as fact, unit_code, year, indicator_code, category_code, through_month as month, count(*) as rows_held
from fct_flow_ytd d
semi join (
    select unit_code, year, through_month
    from fct_flow_ytd
    semi join run_scope using (unit_code, year)
    left join category_bits() b using (indicator_code, category_code)
    where year between coalesce(getvariable('check_first_year'), 0) and coalesce(getvariable('check_last_year'), 9999)
    group by unit_code, year, through_month, b.word
    having count(*) > coalesce(bit_count(bit_or(b.bit)), 0)) candidate using (unit_code, year, through_month)
where year between coalesce(getvariable('check_first_year'), 0) and coalesce(getvariable('check_last_year'), 9999)
group by all having count(*) > 1
union all
select 'fct_flow_month', unit_code, year, indicator_code, category_code, month, count(*)
from fct_flow_month d
semi join (
    select unit_code, year, month
    from fct_flow_month
    semi join run_scope using (unit_code, year)
    left join category_bits() b using (indicator_code, category_code)
    where year between coalesce(getvariable('check_first_year'), 0) and coalesce(getvariable('check_last_year'), 9999)
    group by unit_code, year, month, b.word
    having count(*) > coalesce(bit_count(bit_or(b.bit)), 0)) candidate using (unit_code, year, month)
where year between coalesce(getvariable('check_first_year'), 0) and coalesce(getvariable('check_last_year'), 9999)
group by all having count(*) > 1
union all
select 'fct_stock', unit_code, year, indicator_code, category_code, month, count(*)
from fct_stock d
semi join (
    select unit_code, year, month
    from fct_stock
    semi join run_scope using (unit_code, year)
    left join category_bits() b using (indicator_code, category_code)
    where year between coalesce(getvariable('check_first_year'), 0) and coalesce(getvariable('check_last_year'), 9999)
    group by unit_code, year, month, b.word
    having count(*) > coalesce(bit_count(bit_or(b.bit)), 0)) candidate using (unit_code, year, month)
where year between coalesce(getvariable('check_first_year'), 0) and coalesce(getvariable('check_last_year'), 9999)
group by all having count(*) > 1
union all
select 'fct_quota', unit_code, coalesce(year, 0), 'admission_quota', category_code, 0, count(*)
from fct_quota group by unit_code, period, year, category_code having count(*) > 1
