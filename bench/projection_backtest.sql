-- The year-end admissions projection of v_admission_projection, backtested: each unit and year whose whole year
-- and January-June are both known is projected from its first 6 months, with the unit's earlier years as its
-- history (seasonal: admitted / the share its earlier years had reached by June, pooled), against the year's
-- actual total (units that absorbed others that year left out); beside it, straight pro-rating (admitted x 2). The same for each province's sum of those units
-- (its units as they were on 30 June), as a province reporting its own figures would be projected.
-- One row per year and kind (a reporting unit, a province's sum), then all years.
-- Errors are absolute, in admissions; per cent errors are against the actual total (years with none left out).
with ytd as (
    select unit_code, year, through_month, ytd_value
    from fct_flow_ytd
    where indicator_code = 'admitted' and category_code = 'total' and through_month in (6, 12)
),
unit_known as (
    select unit_code, year,
           any_value(ytd_value) filter (where through_month = 6)  as first_half,
           any_value(ytd_value) filter (where through_month = 12) as whole_year
    from ytd
    group by unit_code, year
    having count(*) = 2
       -- a unit that absorbed others during the year (their successor_code: communes merged on 1/7/2025) reports a
       -- second half that is not its own first half's continuation: no year to test a projection on
       and not exists (select 1 from dim_unit p
                       where p.successor_code = ytd.unit_code and p.unit_code <> ytd.unit_code and year(p.valid_to) = ytd.year)
),
province_known as (
    select u.level1_code as unit_code, k.year, sum(k.first_half) as first_half, sum(k.whole_year) as whole_year
    from unit_known k
    join dim_unit u
      on u.unit_code = k.unit_code and u.valid_from <= make_date(k.year, 6, 30)
     and coalesce(u.valid_to, date '9999-12-31') >= make_date(k.year, 6, 30)
    where u.level1_code is not null
    group by u.level1_code, k.year
),
known as (
    select 'unit' as kind, * from unit_known
    union all
    select 'province sum', * from province_known
),
history as (
    select k.kind, k.unit_code, k.year, count(*) as history_years,
           sum(h.first_half) as history_first_half, sum(h.whole_year) as history_whole
    from known k
    join known h on h.kind = k.kind and h.unit_code = k.unit_code and h.year < k.year
    group by k.kind, k.unit_code, k.year
),
projected as (
    select k.kind, k.unit_code, k.year, k.whole_year as actual,
           k.first_half * 12.0 / 6 as pro_rata,
           case when h.history_first_half > 0 then k.first_half * h.history_whole / h.history_first_half end as seasonal
    from known k
    join history h using (kind, unit_code, year)
),
errors as (
    select year, kind, actual,
           abs(round(seasonal) - actual) as seasonal_error,
           abs(round(pro_rata) - actual) as pro_rata_error
    from projected
    where seasonal is not null
)
select coalesce(year::varchar, 'all') as year,
       kind,
       count(*) as unit_years,
       median(actual) as median_actual,
       median(seasonal_error) as median_abs_error_seasonal,
       median(pro_rata_error) as median_abs_error_pro_rata,
       round(100 * median(seasonal_error / actual) filter (where actual > 0), 2) as median_abs_pct_error_seasonal,
       round(100 * median(pro_rata_error / actual) filter (where actual > 0), 2) as median_abs_pct_error_pro_rata,
       round(100.0 * count(*) filter (where seasonal_error < pro_rata_error) / count(*), 1) as seasonal_closer_pct,
       round(100.0 * count(*) filter (where seasonal_error > pro_rata_error) / count(*), 1) as pro_rata_closer_pct
from errors
group by grouping sets ((year, kind), (kind))
order by year nulls last, kind desc
