-- severity: error
-- reads: values
-- Within a run only the unit-years the run loaded values for are read (etl_scope of getvariable('run_id')), in
-- the run's years (check_first_year..check_last_year, set by check/check_scope.sql); run alone, without those
-- variables, a check reads the whole warehouse.
-- Every value's unit, indicator, category and submission exist in their dimensions.
with run_scope as (   -- the unit-years the run loaded values for; run alone, every unit-year ever loaded
    select unit_code, year from etl_scope where run_id = getvariable('run_id')
    union
    select unit_code, year from etl_scope where getvariable('run_id') is null
)
select v.unit_code, v.year, v.period, v.indicator_code, v.category_code, v.submission_id,
       concat_ws(', ',
           case when u.unit_code is null then 'unit unknown' end,
           case when i.indicator_code is null then 'indicator unknown' end,
           case when c.category_code is null then 'category unknown' end,
           case when s.submission_id is null then 'submission unknown' end) as missing
from fct_reported_value v
left join (select distinct unit_code from dim_unit) u using (unit_code)
left join dim_indicator i using (indicator_code)
left join dim_category c using (indicator_code, category_code)
left join dim_submission s using (submission_id)
semi join run_scope using (unit_code, year)
where v.year between coalesce(getvariable('check_first_year'), 0) and coalesce(getvariable('check_last_year'), 9999)
  and (u.unit_code is null or i.indicator_code is null or c.category_code is null or s.submission_id is null)
