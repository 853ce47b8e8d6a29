-- OUTLIER: a month's admissions or removals far above the unit's usual months (the median of the 24 before).
-- Only the scope's months are judged: each is joined to the months 1..24 before it by equality, not by a
-- window over every month of the history (which computed a median for each history month too) nor by a
-- range join (which DuckDB runs as an inequality join across all series at once).
-- A unit that absorbed others (their successor_code: communes merged on 1/7/2025) counts, in the history of
-- each month after a merger, the absorbed units' months before it with its own: a merged commune's admissions
-- are judged against those of the communes it joined, not against its own smaller past alone.
insert into new_finding
with scope_years as (   -- the scope's years and the two before them: the history a month's 24 months reach back into
    select distinct unit_code, year - back as year from check_scope, range(0, 3) t(back)
),
series as (
    select m.unit_code, m.year, m.month, m.indicator_code, 'total' as category_code, m.month_value,
           m.year * 12 + m.month as month_index
    from dq_outlier_series m   -- fct_flow_month's admitted and removed in total (derive.sql)
    join scope_years s using (unit_code, year)
    where m.year between getvariable('check_first_year') - 2 and getvariable('check_last_year')
      and in_bucket(m.unit_code)
),
absorbed as materialized (   -- few or no rows; read three times below
    select p.successor_code as unit_code, m.indicator_code, 'total' as category_code, m.month_value,
           m.year * 12 + m.month as month_index,
           year(p.valid_to) * 12 + month(p.valid_to) as ended_index
    from dq_outlier_series m
    join dim_unit p on p.unit_code = m.unit_code and p.successor_code is not null and p.successor_code <> p.unit_code
    join scope_years s on s.unit_code = p.successor_code and s.year = m.year
    where m.year between getvariable('check_first_year') - 2 and getvariable('check_last_year')
      and in_bucket(p.successor_code)
      and m.year * 12 + m.month <= year(p.valid_to) * 12 + month(p.valid_to)
),
judged_alone as (
    select j.unit_code, j.year, j.month, j.indicator_code, j.category_code, j.month_value,
           median(h.month_value) as usual, count(*) as history
    from series j
    semi join check_scope using (unit_code, year)
    anti join (select distinct unit_code from absorbed) a using (unit_code)
    cross join range(1, 25) back(months)
    join series h
      on h.unit_code = j.unit_code and h.indicator_code = j.indicator_code and h.category_code = j.category_code
     and h.month_index = j.month_index - back.months
    group by j.unit_code, j.year, j.month, j.indicator_code, j.category_code, j.month_value
),
merged_months as (   -- each of the 24 months before a judged month: its own value and the absorbed units' by then
    select j.unit_code, j.year, j.month, j.indicator_code, j.category_code, j.month_value, back.months,
           sum(h.month_value) as month_then
    from series j
    semi join check_scope using (unit_code, year)
    semi join (select distinct unit_code from absorbed) a using (unit_code)
    cross join range(1, 25) back(months)
    join (select unit_code, indicator_code, category_code, month_value, month_index, -1 as ended_index from series
          union all
          select unit_code, indicator_code, category_code, month_value, month_index, ended_index from absorbed) h
      on h.unit_code = j.unit_code and h.indicator_code = j.indicator_code and h.category_code = j.category_code
     and h.month_index = j.month_index - back.months
    where j.month_index > h.ended_index
    group by j.unit_code, j.year, j.month, j.indicator_code, j.category_code, j.month_value, back.months
),
judged as (
    select * from judged_alone
    union all
    select unit_code, year, month, indicator_code, category_code, month_value, median(month_then), count(*)
    from merged_months
    group by unit_code, year, month, indicator_code, category_code, month_value
)
select 'OUTLIER', unit_code, year, year::varchar || '-' || lpad(month::varchar, 2, '0'), indicator_code, category_code,
       indicator_code || ' ' || month_value::bigint || ' in one month; the median of the previous '
       || history || ' months is ' || round(usual, 1)
from judged
where history >= 6 and month_value > 3 * usual and month_value - usual >= 10;
