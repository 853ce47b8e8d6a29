-- Data-quality findings for the units and years this run touched, and their parents (for roll-ups).
-- Findings of those units and years are recomputed, never accumulated: a correction clears what it fixes.
-- Runs after derive.sql, one bucket at a time, in the connection where scope.sql and check_scope.sql ran.

-- This bucket's part of the run's check scope (check_scope.sql): its range of unit codes (scope_bucket.sql).
create or replace temp table check_scope as
select unit_code, year from check_scope_all
where in_bucket(unit_code);

delete from dq_finding_row f using check_scope s where f.unit_code = s.unit_code and f.year = s.year;

create or replace temp table new_finding (
    rule_code varchar, unit_code varchar, year integer, period varchar, indicator varchar, category varchar, detail varchar
);

-- The columns the rules below read: a copy of every column took twice as long. Here and below, a scan of a
-- many-year table is filtered on the run's first and last years, constants set by check_scope.sql, so it
-- skips the other years whatever order its joins are planned in, and on the bucket's range of unit codes
-- (in_bucket, scope.sql), so it skips the row groups derive wrote for the other buckets.
create or replace temp table scoped_value as
select v.unit_code, v.year, v.period, v.indicator_code, v.category_code, v.value
from fct_value v join check_scope s using (unit_code, year)
where v.year between getvariable('check_first_year') and getvariable('check_last_year')
  and in_bucket(v.unit_code);

-- CATEGORY_EXCEEDS_TOTAL
insert into new_finding
select 'CATEGORY_EXCEEDS_TOTAL', c.unit_code, c.year, c.period, c.indicator_code, c.category_code,
       c.category_code || ' = ' || c.value::bigint || ' is above total = ' || t.value::bigint
from scoped_value c
join scoped_value t
  on t.unit_code = c.unit_code and t.period = c.period and t.indicator_code = c.indicator_code
 and t.category_code = 'total'
where c.category_code <> 'total' and c.value > t.value;

-- YTD_DECREASED: lower than at an earlier month of the same year, i.e. below the running highest figure
-- (one cumulative maximum); the earliest month that reached it is looked up for those few months only.
-- A maximum and an arg_max over every month before each month cost twice as much on a backfill.
insert into new_finding
with running as (
    select f.unit_code, f.year, f.through_month, f.indicator_code, f.category_code, f.ytd_value,
           max(f.ytd_value) over (
               partition by f.unit_code, f.year, f.indicator_code, f.category_code order by f.through_month
               rows between unbounded preceding and current row) as highest
    from fct_flow_ytd f
    join check_scope s using (unit_code, year)
    where f.year between getvariable('check_first_year') and getvariable('check_last_year')
      and in_bucket(f.unit_code)
),
decreased as materialized (   -- read twice below: the window runs once
    select * from running where ytd_value < highest
),
reached as (
    select d.unit_code, d.year, d.through_month, d.indicator_code, d.category_code, min(h.through_month) as month
    from decreased d
    join fct_flow_ytd h
      on h.unit_code = d.unit_code and h.year = d.year and h.indicator_code = d.indicator_code
     and h.category_code = d.category_code and h.through_month < d.through_month and h.ytd_value = d.highest
    where h.year between getvariable('check_first_year') and getvariable('check_last_year')
      and in_bucket(h.unit_code)
    group by all
)
select 'YTD_DECREASED', d.unit_code, d.year, d.year::varchar || '-01..' || d.year::varchar || '-' || lpad(d.through_month::varchar, 2, '0'),
       d.indicator_code, d.category_code,
       'January-' || d.through_month || ' = ' || d.ytd_value::bigint || ' is below January-' || r.month || ' = ' || d.highest::bigint
from decreased d
join reached r using (unit_code, year, through_month, indicator_code, category_code);

-- YTD_INCONSISTENT: the exact period and the tilings disagree
insert into new_finding
select 'YTD_INCONSISTENT', unit_code, year, year::varchar || '-01..' || year::varchar || '-' || lpad(through_month::varchar, 2, '0'),
       indicator_code, category_code,
       'January-' || through_month || ': reported periods give values from ' || min_value::bigint || ' to ' || max_value::bigint
       || case when is_exact then '; the exact period''s ' || ytd_value::bigint || ' is used'
               else '; the lowest is used' end
from fct_flow_ytd
join check_scope using (unit_code, year)
where candidate_count > 1
  and year between getvariable('check_first_year') and getvariable('check_last_year')
  and in_bucket(unit_code);

-- STOCK_IDENTITY: official + probationary = total
insert into new_finding
select 'STOCK_IDENTITY', t.unit_code, t.year, t.period, 'members', 'total',
       'official ' || o.value::bigint || ' + probationary ' || p.value::bigint || ' = ' || (o.value + p.value)::bigint
       || ', total is ' || t.value::bigint
from scoped_value t
join scoped_value o on o.unit_code = t.unit_code and o.period = t.period and o.indicator_code = 'members' and o.category_code = 'official'
join scoped_value p on p.unit_code = t.unit_code and p.period = t.period and p.indicator_code = 'members' and p.category_code = 'probationary'
where t.indicator_code = 'members' and t.category_code = 'total' and o.value + p.value <> t.value;

-- ROLLUP_MISMATCH: a parent's own value against the sum of its children's (rollup_children, check_scope.sql),
-- when every child active at the period's end reported it. While some have not (a file still to come), only an
-- own value already below the others' sum is certainly wrong: values are never negative.
insert into new_finding
select 'ROLLUP_MISMATCH', p.unit_code, p.year, p.period, p.indicator_code, p.category_code,
       case when c.children_reporting >= a.children_active
            then 'own report ' || p.value::bigint || ', sum of ' || c.children_reporting || ' reporting children ' || c.children_sum::bigint
            else 'own report ' || p.value::bigint || ', already below the sum of ' || c.children_reporting || ' of its '
                 || a.children_active || ' children, ' || c.children_sum::bigint end
from scoped_value p
join rollup_children c
  on c.parent_code = p.unit_code and c.period = p.period and c.indicator_code = p.indicator_code
 and c.category_code = p.category_code
join rollup_active a on a.parent_code = c.parent_code and a.period = c.period
where p.value <> c.children_sum
  and (c.children_reporting >= a.children_active or p.value < c.children_sum);

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

-- OUTLIER: a month's admissions or removals far above the unit's usual months (the median of the 24 before).
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
judged_alone as (
    select j.unit_code, j.year, j.month, j.indicator_code, j.category_code, j.month_value,
           median(h.month_value) as usual, count(*) as history
    from series j
    semi join check_scope using (unit_code, year)
    anti join (select distinct unit_code from absorbed) a using (unit_code)
    cross join range(1, 25) back(months)
    join series h
      on h.unit_code = j.unit_code and h.indicator_code = j.indicator_code and h.category_code = j.category_code
     and h.month_index = j.month_index - back.months
    group by j.unit_code, j.year, j.month, j.indicator_code, j.category_code, j.month_value
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
judged as (
    select * from judged_alone
    union all
    select unit_code, year, month, indicator_code, category_code, month_value, median(month_then), count(*)
    from merged_months
    group by unit_code, year, month, indicator_code, category_code, month_value
)
select 'OUTLIER', unit_code, year, year::varchar || '-' || lpad(month::varchar, 2, '0'), indicator_code, category_code,
       indicator_code || ' ' || month_value::bigint || ' in one month; the median of the previous '
       || history || ' months is ' || round(usual, 1)
from judged
where history >= 6 and month_value > 3 * usual and month_value - usual >= 10;

insert into dq_finding_row
select getvariable('run_id'), f.rule_code, r.severity, f.unit_code, f.year, f.period, f.indicator, f.category, f.detail
from new_finding f
join dq_rule r using (rule_code);

drop table if exists new_finding;
drop table if exists scoped_value;
