-- One row per unit and year with a members total at the end of the year before or in the year: members at
-- the start (the December before) plus the year's admissions and transfers in, minus removals, deaths and
-- transfers out, against the members reported. The year runs to through_month: the last month of the year
-- with a members total (12 when none), and each flow is its year-to-date through that month. A flow the unit
-- reported in no period of the year counts as 0 (as the MEMBER_BALANCE finding counts it); one it reported
-- whose year-to-date through that month is not known is NULL, and so are the expected members and the gap.
-- gap = members_at_end - members_at_end_expected.

create or replace view v_member_balance as
with members as (
    select unit_code, year, month, stock_value
    from fct_stock
    where indicator_code = 'members' and category_code = 'total'
),
flow_kinds(indicator_code) as (
    values ('admitted'), ('transferred_in'), ('removed'), ('deceased'), ('transferred_out')
),
reported as (   -- in any period and category
    select distinct v.unit_code, v.year, v.indicator_code
    from fct_value v
    semi join flow_kinds using (indicator_code)
),
unit_years as (   -- the years after a December only where the unit reported one of the flows
    select unit_code, year from members
    union
    select m.unit_code, m.year + 1 from members m
    semi join reported r on r.unit_code = m.unit_code and r.year = m.year + 1
    where m.month = 12
),
ends as (
    select y.unit_code, y.year, coalesce(max(m.month), 12) as through_month, arg_max(m.stock_value, m.month) as members_at_end
    from unit_years y
    left join members m using (unit_code, year)
    group by y.unit_code, y.year
),
flows as (
    select e.unit_code, e.year, k.indicator_code,
           case when r.unit_code is null then 0 else y.ytd_value end as ytd
    from ends e
    cross join flow_kinds k
    left join reported r on r.unit_code = e.unit_code and r.year = e.year and r.indicator_code = k.indicator_code
    left join fct_flow_ytd y
      on y.unit_code = e.unit_code and y.year = e.year and y.through_month = e.through_month
     and y.indicator_code = k.indicator_code and y.category_code = 'total'
),
pivoted as (
    select unit_code, year,
           any_value(ytd) filter (where indicator_code = 'admitted')        as admitted,
           any_value(ytd) filter (where indicator_code = 'transferred_in')  as transferred_in,
           any_value(ytd) filter (where indicator_code = 'removed')         as removed,
           any_value(ytd) filter (where indicator_code = 'deceased')        as deceased,
           any_value(ytd) filter (where indicator_code = 'transferred_out') as transferred_out
    from flows
    group by unit_code, year
),
joined as (
    select e.unit_code, e.year, s.stock_value::bigint as members_at_start,
           p.admitted::bigint as admitted, p.transferred_in::bigint as transferred_in, p.removed::bigint as removed,
           p.deceased::bigint as deceased, p.transferred_out::bigint as transferred_out,
           (s.stock_value + p.admitted + p.transferred_in - p.removed - p.deceased - p.transferred_out)::bigint
               as members_at_end_expected,
           e.members_at_end::bigint as members_at_end,
           e.through_month
    from ends e
    join pivoted p using (unit_code, year)
    left join members s on s.unit_code = e.unit_code and s.year = e.year - 1 and s.month = 12
)
select unit_code, year, members_at_start, admitted, transferred_in, removed, deceased, transferred_out,
       members_at_end_expected, members_at_end, members_at_end - members_at_end_expected as gap, through_month
from joined;
