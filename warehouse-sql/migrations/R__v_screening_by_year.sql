-- One row per unit, year and removal reason with removals; rates per 1,000 members at the start of the year; then
-- the reason's Vietnamese label and the unit's level, parent and province as in that year (dim_unit_placement, V13).

create or replace view v_screening_by_year as
with removals as (
    select unit_code,
           year,
           category_code                       as reason,
           max(through_month)                  as through_month,
           arg_max(ytd_value, through_month)   as removed_count
    from fct_flow_ytd
    where indicator_code = 'removed'
    group by unit_code, year, category_code
),
members_at_start as (
    select unit_code, year + 1 as year, stock_value as members_at_start
    from fct_stock
    where indicator_code = 'members' and category_code = 'total' and month = 12
),
joined as (
    select r.unit_code,
           r.year,
           r.reason,
           r.removed_count::bigint                                                       as removed_count,
           m.members_at_start::bigint                                                    as members_at_start,
           round(1000.0 * r.removed_count / nullif(m.members_at_start, 0), 2)::decimal(12, 2) as removed_per_1000_members,
           r.through_month
    from removals r
    left join members_at_start m using (unit_code, year)
),
labelled as (
    select j.*, c.label_vi as reason_label_vi
    from joined j
    left join dim_category c on c.indicator_code = 'removed' and c.category_code = j.reason
),
placed as (
    select j.*,
           arg_max(l.level, l.valid_from)         as level,
           arg_max(l.parent_code, l.valid_from)   as parent_code,
           arg_max(l.province_code, l.valid_from) as province_code
    from labelled j
    left join dim_unit_placement l
      on l.unit_code = j.unit_code
     and l.valid_from <= make_date(j.year, 12, 31)
     and l.valid_to >= make_date(j.year, 1, 1)
    group by all
)
select * from placed;
