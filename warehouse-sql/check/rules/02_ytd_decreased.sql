-- YTD_DECREASED: lower than at an earlier month of the same year, i.e. below the running highest figure
-- (one cumulative maximum); the earliest month that reached it is looked up for those few months only.
-- A maximum and an arg_max over every month before each month cost twice as much on a backfill.
insert into new_finding
with running as (
    select f.unit_code, f.year, f.through_month, f.indicator_code, f.category_code, f.ytd_value,
           max(f.ytd_value) over (
               partition by f.unit_code, f.year, f.indicator_code, f.category_code order by f.through_month
               rows between unbounded preceding and current row) as highest
    from fct_flow_ytd f
    join check_scope s using (unit_code, year)
    where f.year between getvariable('check_first_year') and getvariable('check_last_year')
      and in_bucket(f.unit_code)
),
decreased as materialized (   -- read twice below: the window runs once
    select * from running where ytd_value < highest
),
reached as (
    select d.unit_code, d.year, d.through_month, d.indicator_code, d.category_code, min(h.through_month) as month
    from decreased d
    join fct_flow_ytd h
      on h.unit_code = d.unit_code and h.year = d.year and h.indicator_code = d.indicator_code
     and h.category_code = d.category_code and h.through_month < d.through_month and h.ytd_value = d.highest
    where h.year between getvariable('check_first_year') and getvariable('check_last_year')
      and in_bucket(h.unit_code)
    group by all
)
select 'YTD_DECREASED', d.unit_code, d.year, d.year::varchar || '-01..' || d.year::varchar || '-' || lpad(d.through_month::varchar, 2, '0'),
       d.indicator_code, d.category_code,
       'January-' || d.through_month || ' = ' || d.ytd_value::bigint || ' is below January-' || r.month || ' = ' || d.highest::bigint
from decreased d
join reached r using (unit_code, year, through_month, indicator_code, category_code);
