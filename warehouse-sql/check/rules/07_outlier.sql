-- OUTLIER: a month's admissions or removals far above the unit's usual months, by the modified z-score
-- (Iglewicz and Hoaglin; DHIS2's robust outlier rule): 0.6745 x (value - median) / MAD over the 24 months
-- before it, where MAD is the median absolute deviation from that median. Where MAD is 0 (most months alike),
-- the mean absolute deviation x 1.2533 stands in for it; where that is 0 too (all months alike) the score is
-- unbounded. A month is an outlier when its score exceeds getvariable('outlier_threshold')
-- (memberstat.outlier-threshold, 3.5), it has 6 months of history, and it is at least 10 above the baseline.
-- Seasons: the baseline is the median, or the same calendar month 12 or 24 months before where that was
-- higher, so a peak the unit has every December is measured from last December, not flagged.
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
history_alone as (
    select j.unit_code, j.year, j.month, j.indicator_code, j.category_code, j.month_value, back.months,
           h.month_value as month_then
    from series j
    semi join check_scope using (unit_code, year)
    anti join (select distinct unit_code from absorbed) a using (unit_code)
    cross join range(1, 25) back(months)
    join series h
      on h.unit_code = j.unit_code and h.indicator_code = j.indicator_code and h.category_code = j.category_code
     and h.month_index = j.month_index - back.months
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
history as materialized (   -- read twice below
    select * from history_alone
    union all
    select * from merged_months
),
centre as (
    select unit_code, year, month, indicator_code, category_code, month_value,
           median(month_then) as usual, count(*) as months_known,
           max(month_then) filter (where months in (12, 24)) as same_month_before
    from history
    group by unit_code, year, month, indicator_code, category_code, month_value
),
spread as (
    select c.*,
           median(abs(h.month_then - c.usual)) as mad,
           avg(abs(h.month_then - c.usual)) as mean_deviation,
           greatest(c.usual, coalesce(c.same_month_before, c.usual)) as baseline
    from centre c
    join history h using (unit_code, year, month, indicator_code, category_code)
    group by all
),
judged as (
    select *,
           case when mad > 0 then 0.6745 * (month_value - baseline) / mad
                when mean_deviation > 0 then (month_value - baseline) / (1.2533 * mean_deviation)
           end as score   -- NULL: every month of the history alike
    from spread
)
select 'OUTLIER', unit_code, year, year::varchar || '-' || lpad(month::varchar, 2, '0'), indicator_code, category_code,
       indicator_code || ' ' || month_value::bigint || ' in one month; median of the previous ' || months_known
       || ' months ' || round(usual, 1)
       || case when baseline > usual then ', same month a year before ' || round(baseline, 1) else '' end
       || ', modified z-score ' || coalesce(round(score, 1)::varchar, 'unbounded (those months all alike)')
from judged
where months_known >= 6 and month_value - baseline >= 10
  and (score is null or score > coalesce(getvariable('outlier_threshold'), 3.5));
