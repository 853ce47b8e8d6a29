-- One row per unit, removal reason and year with removals (v_screening_by_year), with the change of the rate
-- per 1,000 members against the year before over the same months: last year's removals January to this
-- row's through_month (its year-to-date then) per 1,000 of last year's members at its start. A year known
-- through April is compared with last January-April, not with last year's whole. NULL where last year's
-- figure over those months or its members at the start are unknown.

create or replace view v_screening_trend as
with this_year as (
    select unit_code, reason, year, removed_count, members_at_start, removed_per_1000_members, through_month
    from v_screening_by_year
),
last_year as (
    select t.unit_code, t.reason, t.year,
           round(1000.0 * y.ytd_value / nullif(m.stock_value, 0), 2)::decimal(12, 2) as per_1000_last_year
    from this_year t
    join fct_flow_ytd y
      on y.unit_code = t.unit_code and y.year = t.year - 1 and y.through_month = t.through_month
     and y.indicator_code = 'removed' and y.category_code = t.reason
    join fct_stock m
      on m.unit_code = t.unit_code and m.year = t.year - 2 and m.month = 12
     and m.indicator_code = 'members' and m.category_code = 'total'
),
joined as (
    select t.unit_code, t.reason, t.year, t.removed_count, t.members_at_start, t.removed_per_1000_members,
           (t.removed_per_1000_members - l.per_1000_last_year)::decimal(12, 2) as change_per_1000_vs_last_year,
           t.through_month,
           l.per_1000_last_year as removed_per_1000_last_year
    from this_year t
    left join last_year l using (unit_code, reason, year)
)
select j.*, c.label_vi as reason_label_vi
from joined j
left join dim_category c on c.indicator_code = 'removed' and c.category_code = j.reason;
