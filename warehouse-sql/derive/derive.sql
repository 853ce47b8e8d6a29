-- Derived series for the units and years this run touched (etl_scope), plus the following year,
-- whose members at the start and rate quotas depend on the touched year's December: one bucket of units
-- at a time (scope_unit_year). Every scan of a many-year table is filtered on the scope's first and last
-- years and on the bucket's range of unit codes (scope.sql), constants that skip other row groups whatever
-- order the joins are planned in.

-- Year-to-date flows: an exact period January..m, or any gap-free, overlap-free tiling of January..m.
-- A unit that came into being during the year (its first registry row starts in that year) counts its
-- year from its first month: a ward founded on 1/7/2025 has a year-to-date from July.
-- Most series have no overlapping periods (months, quarters, one range after another): their one tiling
-- is a running sum, one pass. Series with overlapping periods (a month and a year-to-date range of the
-- same months) go through the general search, where chains of periods are kept as distinct
-- (end month, sum) pairs, so many tilings cost no more than one value each.
delete from fct_flow_ytd f using scope_unit_year s where f.unit_code = s.unit_code and f.year = s.year;

-- One sort of the scope's flows gives each period the one before it (an overlap shows there) and, for a
-- series without overlaps, the running sum and the months covered so far: such periods tile the year's
-- start..end_month without a gap exactly when they cover end_month - first start + 1 months.
create or replace temp table scoped_flow as
with unit_start as (
    select unit_code, min(valid_from) as first_day from registry_version group by unit_code
)
select v.unit_code, v.year, v.indicator_code, v.category_code, v.start_month, v.end_month, v.value,
       case when year(u.first_day) = v.year then month(u.first_day) else 1 end as year_start_month,
       lag(v.end_month) over w as previous_end,
       sum(v.value) over w as running,
       sum(v.end_month - v.start_month + 1) over w as months_so_far,
       first_value(v.start_month) over w as first_start
from fct_value v
join scope_unit_year s using (unit_code, year)
join dim_indicator i using (indicator_code)
left join unit_start u using (unit_code)
where i.kind = 'flow' and v.year between getvariable('scope_first_year') and getvariable('scope_last_year')
  and in_bucket(v.unit_code)
window w as (partition by v.unit_code, v.year, v.indicator_code, v.category_code order by v.start_month, v.end_month
             rows between unbounded preceding and current row);

create or replace temp table overlapping_series as
with overlapping as (
    select distinct unit_code, year, indicator_code, category_code from scoped_flow where start_month <= previous_end
)
select unit_code, year, indicator_code, category_code,
       -- one start for every period, so no two share an end month
       bool_and(start_month = 1) or bool_and(start_month = year_start_month) as all_from_start
from scoped_flow
semi join overlapping using (unit_code, year, indicator_code, category_code)
group by unit_code, year, indicator_code, category_code;

-- A series without overlaps, through each of its periods up to the first gap: the first period starts the
-- year (January, or the unit's first month) and the periods so far leave no month out.
insert into fct_flow_ytd
select f.unit_code, f.year, f.end_month, f.indicator_code, f.category_code, f.running,
       f.start_month in (1, f.year_start_month), 1, f.running, f.running
from scoped_flow f
anti join overlapping_series o using (unit_code, year, indicator_code, category_code)
where f.first_start in (1, f.year_start_month) and f.months_so_far = f.end_month - f.first_start + 1;

-- Overlapping series whose every period starts at the start of the year (a unit reporting January..m
-- each month) have one tiling per month, the period itself: each value is its own exact year-to-date.
insert into fct_flow_ytd
select f.unit_code, f.year, f.end_month, f.indicator_code, f.category_code, f.value, true, 1, f.value, f.value
from scoped_flow f
join overlapping_series o using (unit_code, year, indicator_code, category_code)
where o.all_from_start;

-- The rows of the other overlapping series, as a table: a CTE would be scanned again at every step of
-- the recursion.
create or replace temp table overlapping_flow as
select f.*
from scoped_flow f
join overlapping_series o using (unit_code, year, indicator_code, category_code)
where not o.all_from_start;

insert into fct_flow_ytd
with recursive flows as (
    select * from overlapping_flow
),
chains(unit_code, year, indicator_code, category_code, end_month, ytd_value) as (
    select unit_code, year, indicator_code, category_code, end_month, value
    from flows
    where start_month in (1, year_start_month)
    union
    select c.unit_code, c.year, c.indicator_code, c.category_code, f.end_month, c.ytd_value + f.value
    from chains c
    join flows f
      on f.unit_code = c.unit_code and f.year = c.year and f.indicator_code = c.indicator_code
     and f.category_code = c.category_code and f.start_month = c.end_month + 1
),
candidates as (
    select unit_code, year, indicator_code, category_code, end_month,
           count(distinct ytd_value) as candidate_count,
           min(ytd_value) as min_value,
           max(ytd_value) as max_value
    from chains
    group by unit_code, year, indicator_code, category_code, end_month
),
exact as (
    select unit_code, year, indicator_code, category_code, end_month, max(value) as value
    from flows
    where start_month in (1, year_start_month)
    group by unit_code, year, indicator_code, category_code, end_month
)
select c.unit_code, c.year, c.end_month, c.indicator_code, c.category_code,
       coalesce(e.value, c.min_value), e.value is not null, c.candidate_count, c.min_value, c.max_value
from candidates c
left join exact e using (unit_code, year, indicator_code, category_code, end_month);

-- Single months: as reported, else the difference of two known year-to-date figures.
delete from fct_flow_month f using scope_unit_year s where f.unit_code = s.unit_code and f.year = s.year;

insert into fct_flow_month
with reported as (
    select unit_code, year, end_month as month, indicator_code, category_code, value
    from scoped_flow   -- the scope's flows, taken from fct_value above
    where start_month = end_month
),
ytd as (   -- a series without overlaps gains nothing here: two consecutive year-to-date months are a one-month period it reported
    select f.*
    from fct_flow_ytd f
    join overlapping_series o using (unit_code, year, indicator_code, category_code)
    where f.year between getvariable('scope_first_year') and getvariable('scope_last_year')
      and in_bucket(f.unit_code)
),
differences as (
    select cur.unit_code, cur.year, cur.through_month as month, cur.indicator_code, cur.category_code,
           cur.ytd_value - coalesce(prev.ytd_value, 0) as value
    from ytd cur
    left join ytd prev
      on prev.unit_code = cur.unit_code and prev.year = cur.year and prev.indicator_code = cur.indicator_code
     and prev.category_code = cur.category_code and prev.through_month = cur.through_month - 1
    where cur.through_month = 1 or prev.unit_code is not null
)
select coalesce(r.unit_code, d.unit_code), coalesce(r.year, d.year), coalesce(r.month, d.month),
       coalesce(r.indicator_code, d.indicator_code), coalesce(r.category_code, d.category_code),
       coalesce(r.value, d.value),
       case when r.unit_code is not null then 'reported' else 'difference' end
from reported r
full join differences d using (unit_code, year, month, indicator_code, category_code);

-- The admissions and removals in total, for the OUTLIER check (check/rules/07_outlier.sql): a narrow copy of
-- the months above.
delete from dq_outlier_series f using scope_unit_year s where f.unit_code = s.unit_code and f.year = s.year;

insert into dq_outlier_series
select m.unit_code, m.year, m.month, m.indicator_code, m.month_value
from fct_flow_month m
join scope_unit_year s using (unit_code, year)
where m.indicator_code in ('admitted', 'removed') and m.category_code = 'total'
  and m.year between getvariable('scope_first_year') and getvariable('scope_last_year')
  and in_bucket(m.unit_code);

-- Stocks at the end of each month a reported period ends in; the latest submission wins, then the shortest period.
delete from fct_stock f using scope_unit_year s where f.unit_code = s.unit_code and f.year = s.year;

insert into fct_stock
select v.unit_code, v.year, v.end_month, v.indicator_code, v.category_code, v.value, v.period
from fct_value v
join scope_unit_year s using (unit_code, year)
join dim_indicator i using (indicator_code)
where i.kind = 'stock' and v.year between getvariable('scope_first_year') and getvariable('scope_last_year')
  and in_bucket(v.unit_code)
qualify row_number() over (
    partition by v.unit_code, v.year, v.end_month, v.indicator_code, v.category_code
    order by v.submitted_at desc, v.end_month - v.start_month, v.period) = 1;

-- Quotas: count quotas as set; a rate quota becomes members at the end of the previous year x rate / 100,
-- rounded half up, where the unit has no count quota for that year. A quota depends only on its unit's
-- values of its year (a term's: its first plan year, one after the first year of its code) and the
-- December before, so the scope's unit-years are recomputed and the scans skip other years (scope.sql's
-- first and last years: joined to scope_unit_year alone, a scan of fct_value or fct_stock could read them all).
delete from fct_quota q using scope_unit_year s
where q.unit_code = s.unit_code
  and coalesce(q.year, cast(split_part(q.term_code, '-', 1) as integer) + 1) = s.year;

insert into fct_quota
with counts as (
    select v.unit_code, v.period, v.period_kind, v.year, v.end_year, v.category_code, v.value
    from fct_value v
    join scope_unit_year s using (unit_code, year)
    where v.indicator_code = 'admission_quota'
      and v.year between getvariable('scope_first_year') and getvariable('scope_last_year')
      and in_bucket(v.unit_code)
),
rates as (
    select v.unit_code, v.period, v.year, v.value as rate_pct, m.stock_value as members_base
    from fct_value v
    join scope_unit_year s using (unit_code, year)
    join fct_stock m
      on m.unit_code = v.unit_code and m.year = v.year - 1 and m.month = 12
     and m.indicator_code = 'members' and m.category_code = 'total'
    where v.indicator_code = 'admission_quota_rate'
      and v.year between getvariable('scope_first_year') and getvariable('scope_last_year')
      and in_bucket(v.unit_code)
      and m.year between getvariable('scope_first_year') - 1 and getvariable('scope_last_year') - 1
      and in_bucket(m.unit_code)
)
select unit_code, period,
       case when period_kind = 'term' then 'term' else 'year' end,
       case when period_kind = 'term' then null else year end,
       case when period_kind = 'term' then (year - 1)::varchar || '-' || end_year::varchar
            else ((year - 1) // 5 * 5)::varchar || '-' || ((year - 1) // 5 * 5 + 5)::varchar end,
       category_code, value, 'count', null, null
from counts
union all
select r.unit_code, r.period, 'year', r.year,
       ((r.year - 1) // 5 * 5)::varchar || '-' || ((r.year - 1) // 5 * 5 + 5)::varchar,
       'total', round(r.rate_pct * r.members_base / 100), 'rate', r.rate_pct, r.members_base
from rates r
where not exists (
    select 1 from counts c
    where c.unit_code = r.unit_code and c.year = r.year and c.period_kind <> 'term' and c.category_code = 'total');

-- The admissions in total the attainment and roll-up views read (V14): each unit-year's latest year-to-date, and
-- each grassroots organisation's per stretch of unchanged parents, from the year-to-date just derived. A unit-year
-- whose admissions went away (a correction) loses its rows.
delete from fct_admitted_year f using scope_unit_year s where f.unit_code = s.unit_code and f.year = s.year;

insert into fct_admitted_year
select f.unit_code, f.year, max(f.through_month), arg_max(f.ytd_value, f.through_month)
from fct_flow_ytd f
join scope_unit_year s using (unit_code, year)
where f.indicator_code = 'admitted' and f.category_code = 'total'
  and f.year between getvariable('scope_first_year') and getvariable('scope_last_year')
  and in_bucket(f.unit_code)
group by f.unit_code, f.year;

delete from fct_admitted_stretch f using scope_unit_year s where f.unit_code = s.unit_code and f.year = s.year;

insert into fct_admitted_stretch
select a.unit_code, a.year, a.first_month, a.last_month, a.through_month, a.admitted_count
from admitted_stretch_figures() a
join scope_unit_year s using (unit_code, year)
where a.year between getvariable('scope_first_year') and getvariable('scope_last_year')
  and in_bucket(a.unit_code);

-- This bucket's working tables are dropped: they would hold memory the next bucket and the check need.
drop table if exists scoped_flow;
drop table if exists overlapping_series;
drop table if exists overlapping_flow;
