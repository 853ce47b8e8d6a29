-- One row per unit and year with known admissions (v_admission_attainment with a through_month): the
-- year-end admissions projected from the pace so far.
--   seasonal      the unit's own earlier years whose whole year and January..through_month are both known
--                 (history_years of them) tell the share of a year's admissions usually reached by
--                 through_month: their admissions to that month over their whole years, pooled;
--                 projected = admitted / share.
--   pro_rata      no such year, or none admitted anything by that month: admitted x 12 / through_month.
--   year_complete through_month is 12: the year's figure itself.
-- projected_count is rounded to a whole number; will_miss_quota is NULL without a quota.

create or replace view v_admission_projection as
with current_year as (
    select unit_code, year, through_month, admitted_count, quota_count
    from v_admission_attainment
    where through_month is not null
),
ytd as (
    select unit_code, year, through_month, ytd_value
    from fct_flow_ytd
    where indicator_code = 'admitted' and category_code = 'total'
),
history as (
    select c.unit_code, c.year, count(*) as history_years,
           sum(part.ytd_value) as admitted_by_month, sum(whole.ytd_value) as admitted_in_year
    from current_year c
    join ytd whole on whole.unit_code = c.unit_code and whole.year < c.year and whole.through_month = 12
    join ytd part on part.unit_code = c.unit_code and part.year = whole.year and part.through_month = c.through_month
    where c.through_month < 12
    group by c.unit_code, c.year
),
projected as (
    select c.*, coalesce(h.history_years, 0) as history_years,
           case when c.through_month = 12 then 'year_complete'
                when h.admitted_by_month > 0 then 'seasonal'
                else 'pro_rata' end as method,
           h.admitted_by_month / nullif(h.admitted_in_year, 0) as usual_share
    from current_year c
    left join history h using (unit_code, year)
),
counted as (
    select *,
           round(case method when 'year_complete' then admitted_count
                             when 'seasonal' then admitted_count / usual_share
                             else admitted_count * 12.0 / through_month end)::bigint as projected_count
    from projected
)
select unit_code, year, through_month, admitted_count, projected_count, quota_count,
       round(100.0 * projected_count / nullif(quota_count, 0), 2)::decimal(12, 2) as projected_attainment_pct,
       projected_count < quota_count as will_miss_quota,
       method,
       history_years,
       round(100.0 * usual_share, 2)::decimal(12, 2) as usual_share_pct
from counted;
