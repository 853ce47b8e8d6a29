-- Reporting rates as DHIS2 defines them: one row per unit and month, over the grassroots organisations active
-- under it (as it was) at the month's end, itself included if it is one (a grassroots organisation's own rows
-- expect 1). A report counts for a month when a submission of a flow or stock covers that month; it is on time
-- when one covering it was received by the 5th day after its period ends (a half-year report by 5 July counts on
-- time for January to June). Months from the warehouse's first reported month up to the month before the latest
-- run date.

create or replace view v_reporting_rate as
with horizon as (
    select max(run_date) as run_date from etl_run where loaded_at is not null
),
submitted as (   -- each unit's submitted periods, once per submission
    select distinct r.unit_code, r.submission_id, r.year * 100 + r.start_month as first_key,
           r.end_year * 100 + r.end_month as last_key,
           last_day(make_date(r.end_year, r.end_month, 1)) as period_end
    from fct_reported_value r
    join dim_indicator i using (indicator_code)
    where i.kind in ('flow', 'stock')
),
months as (
    select m.month_key, m.year, m.month, m.last_day
    from dim_month m
    cross join horizon h
    where m.month_key >= (select min(first_key) from submitted)
      and m.last_day < date_trunc('month', h.run_date)
),
covered as (   -- per unit and month: a submission covered it; one that did was on time
    select s.unit_code, m.month_key,
           bool_or(d.modified_at < s.period_end + interval 6 day) as is_on_time
    from submitted s
    join dim_submission d using (submission_id)
    join months m on m.month_key between s.first_key and s.last_key
    group by s.unit_code, m.month_key
),
grassroots_month as (
    select p.unit_code, p.district_code, p.province_code, m.month_key, m.year, m.month,
           c.unit_code is not null        as is_reported,
           coalesce(c.is_on_time, false)  as is_on_time
    from dim_unit_placement p
    join months m on m.last_day between p.valid_from and p.valid_to
    left join covered c on c.unit_code = p.unit_code and c.month_key = m.month_key
    where p.level = 3
),
counted as (
    select unnest(list_distinct([unit_code, district_code, province_code])) as unit_code, year, month, is_reported, is_on_time
    from grassroots_month
),
rates as (
    select unit_code, year, month,
           count(*)                                as expected_reports,
           count(*) filter (where is_reported)     as actual_reports,
           count(*) filter (where is_on_time)      as on_time_reports
    from counted
    group by unit_code, year, month
)
select unit_code, year, month, expected_reports, actual_reports, on_time_reports,
       round(100.0 * actual_reports / expected_reports, 2)::decimal(12, 2)  as reporting_rate_pct,
       round(100.0 * on_time_reports / expected_reports, 2)::decimal(12, 2) as on_time_rate_pct
from rates;
