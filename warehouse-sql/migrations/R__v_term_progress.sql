-- One row per unit and congress term with a term quota (category total).

create or replace view v_term_progress as
with term_quota as (
    select q.unit_code, q.term_code as term, q.quota_count, t.first_year, t.last_year
    from fct_quota q
    join dim_term t using (term_code)
    where q.period_kind = 'term' and q.category_code = 'total'
),
year_admitted as (
    select unit_code,
           year,
           max(through_month)                  as through_month,
           arg_max(ytd_value, through_month)   as admitted_count
    from fct_flow_ytd
    where indicator_code = 'admitted' and category_code = 'total'
    group by unit_code, year
),
progress as (
    select q.unit_code,
           q.term,
           sum(a.admitted_count)                       as admitted_count,
           max(a.year)                                 as through_year,
           arg_max(a.through_month, a.year)            as through_month
    from term_quota q
    join year_admitted a
      on a.unit_code = q.unit_code
     and a.year between q.first_year and q.last_year
    group by q.unit_code, q.term
),
joined as (
    select q.unit_code,
           q.term,
           q.quota_count::bigint                                                      as quota_count,
           p.admitted_count::bigint                                                   as admitted_count,
           round(100.0 * p.admitted_count / nullif(q.quota_count, 0), 2)::decimal(12, 2) as attainment_pct,
           p.through_year,
           p.through_month
    from term_quota q
    left join progress p using (unit_code, term)
)
select * from joined;
