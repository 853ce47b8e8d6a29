-- MEMBER_BALANCE: members at a period's end against the previous known members plus the flows between.
-- Pairs: a stock month and the previous stock month of the same year, or December of the previous year.
-- A flow between two months is the difference of its year-to-date figures, or else the sum of its single
-- months when none is missing (a year the warehouse holds from its middle on, a January lost to quarantine).
-- A flow indicator the unit reported in no period of the year counts as 0; one it reported but that is
-- known neither way skips the check: taking it as 0 would accuse a unit of a value it sent and we refused.
-- Members and year-to-date totals are taken for the scope's units and years (and the year before, for
-- December) once, rather than joined against the whole of fct_stock and fct_flow_ytd three times.
insert into new_finding
with members as (
    select unit_code, year, month, stock_value
    from fct_stock
    join (select unit_code, year from check_scope union select unit_code, year - 1 from check_scope) using (unit_code, year)
    where indicator_code = 'members' and category_code = 'total'
      and year between getvariable('check_first_year') - 1 and getvariable('check_last_year')
      and in_bucket(unit_code)
),
pairs as (
    select cur.unit_code, cur.year, cur.month, cur.stock_value as members_end,
           coalesce(max(prev_same.month), 0) as start_month,
           arg_max(prev_same.stock_value, prev_same.month) as same_year_start
    from members cur
    join check_scope s using (unit_code, year)
    left join members prev_same
      on prev_same.unit_code = cur.unit_code and prev_same.year = cur.year and prev_same.month < cur.month
    group by cur.unit_code, cur.year, cur.month, cur.stock_value
),
starts as (
    select p.*,
           coalesce(p.same_year_start, dec.stock_value) as members_start
    from pairs p
    left join members dec on dec.unit_code = p.unit_code and dec.year = p.year - 1 and dec.month = 12
    where p.same_year_start is not null or (p.start_month = 0 and dec.stock_value is not null)
),
flow_kinds(indicator_code, sign) as (
    values ('admitted', 1), ('transferred_in', 1), ('removed', -1), ('deceased', -1), ('transferred_out', -1)
),
totals as (
    select y.unit_code, y.year, y.through_month, y.indicator_code, y.ytd_value
    from fct_flow_ytd y
    join check_scope using (unit_code, year)
    semi join flow_kinds using (indicator_code)
    where y.category_code = 'total'
      and y.year between getvariable('check_first_year') and getvariable('check_last_year')
      and in_bucket(y.unit_code)
),
reported_series as (   -- in any period and category, whether or not its year-to-date is known
    select distinct unit_code, year, indicator_code from scoped_value semi join flow_kinds using (indicator_code)
),
ytd_deltas as materialized (   -- read twice below
    select st.unit_code, st.year, st.month, st.start_month, fk.indicator_code, fk.sign,
           case when r.unit_code is null then 0
                else e.ytd_value - case when st.start_month = 0 then 0 else b.ytd_value end end as delta
    from starts st
    cross join flow_kinds fk
    left join reported_series r
      on r.unit_code = st.unit_code and r.year = st.year and r.indicator_code = fk.indicator_code
    left join totals e
      on e.unit_code = st.unit_code and e.year = st.year and e.through_month = st.month and e.indicator_code = fk.indicator_code
    left join totals b
      on b.unit_code = st.unit_code and b.year = st.year and b.through_month = st.start_month and b.indicator_code = fk.indicator_code
),
-- Only the few flows without a year-to-date at both ends are summed month by month.
month_deltas as (
    select d.unit_code, d.year, d.month, d.indicator_code, sum(m.month_value) as delta
    from ytd_deltas d
    join fct_flow_month m
      on m.unit_code = d.unit_code and m.year = d.year and m.indicator_code = d.indicator_code
     and m.month > d.start_month and m.month <= d.month
    where d.delta is null and m.category_code = 'total'
      and m.year between getvariable('check_first_year') and getvariable('check_last_year')
      and in_bucket(m.unit_code)
    group by d.unit_code, d.year, d.month, d.start_month, d.indicator_code
    having count(*) = d.month - d.start_month
),
balance as (
    select d.unit_code, d.year, d.month, sum(d.sign * coalesce(d.delta, m.delta)) as net_flow,
           count(coalesce(d.delta, m.delta)) as known
    from ytd_deltas d
    left join month_deltas m using (unit_code, year, month, indicator_code)
    group by d.unit_code, d.year, d.month
)
select 'MEMBER_BALANCE', st.unit_code, st.year,
       st.year::varchar || '-' || lpad(st.month::varchar, 2, '0'), 'members', 'total',
       'members ' || st.members_end::bigint || ' at the end of ' || st.year || '-' || lpad(st.month::varchar, 2, '0')
       || ', expected ' || (st.members_start + b.net_flow)::bigint || ' = ' || st.members_start::bigint
       || case when b.net_flow >= 0 then ' + ' else ' - ' end || abs(b.net_flow)::bigint || ' net flows'
from starts st
join balance b using (unit_code, year, month)
where b.known = 5 and st.members_start + b.net_flow <> st.members_end;
