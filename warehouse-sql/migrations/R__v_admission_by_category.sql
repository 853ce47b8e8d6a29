-- One row per unit, year and admission category other than total; then the category's Vietnamese label and the
-- unit's level, parent and province as in that year (its last placement in the year: dim_unit_placement, V13).

create or replace view v_admission_by_category as
with category_ytd as (
    select unit_code,
           year,
           category_code                       as category,
           max(through_month)                  as through_month,
           arg_max(ytd_value, through_month)   as admitted_count
    from fct_flow_ytd
    where indicator_code = 'admitted' and category_code <> 'total'
    group by unit_code, year, category_code
),
total_ytd as (
    select unit_code, year, through_month, ytd_value as total_count
    from fct_flow_ytd
    where indicator_code = 'admitted' and category_code = 'total'
),
quota as (
    select unit_code, year, category_code as category, quota_count
    from fct_quota
    where period_kind = 'year' and category_code <> 'total'
),
joined as (
    select c.unit_code,
           c.year,
           c.through_month,
           c.category,
           c.admitted_count::bigint                                                   as admitted_count,
           round(100.0 * c.admitted_count / nullif(t.total_count, 0), 2)::decimal(12, 2) as share_of_total_pct,
           q.quota_count::bigint                                                      as quota_count,
           round(100.0 * c.admitted_count / nullif(q.quota_count, 0), 2)::decimal(12, 2) as attainment_pct
    from category_ytd c
    left join total_ytd t using (unit_code, year, through_month)
    left join quota q using (unit_code, year, category)
),
labelled as (
    select j.*, c.label_vi as category_label_vi
    from joined j
    left join dim_category c on c.indicator_code = 'admitted' and c.category_code = j.category
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
