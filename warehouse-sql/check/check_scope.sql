-- The run's check scope, before bucket_prologue.sql and the rules take it one bucket of units at a time.
-- Runs once per check step, after scope.sql, in the same connection.

-- An outlier looks back 24 months, so a month of year y + 2 depends on year y: a touched year y puts
-- y, y + 1 (scope_touched) and y + 2 in scope, and the parents of those units for their roll-ups. A unit-year
-- a changed rule left to check again (dq_recheck) comes alone: its values did not change, so neither did its
-- parent's roll-up nor the later years' outliers (with its parents, a five-year recheck summed every value).
create or replace temp table check_scope_unit_year as
select unit_code, year from scope_touched
union
select unit_code, year + 1 from scope_touched;

create or replace temp table check_scope_all as
select unit_code, year from check_scope_unit_year
union
select u.parent_code, s.year
from check_scope_unit_year s
join dim_unit u
  on u.unit_code = s.unit_code
 and u.valid_from <= make_date(s.year, 12, 31)
 and coalesce(u.valid_to, date '9999-12-31') >= make_date(s.year, 1, 1)
where u.parent_code is not null
union
select unit_code, year from dq_recheck;

-- The scope's first and last years, as constants: the scan of fct_value then skips other years' row groups
-- whatever order the joins below are planned in (joined last, check_scope_all's years did not reach it).
set variable check_first_year = (select min(year) from check_scope_all);

set variable check_last_year = (select max(year) from check_scope_all);

-- The sums of the scope's parents' children (children as they were at the period's end), for
-- ROLLUP_MISMATCH: one pass over the children's values for the whole run, rather than one per bucket
-- (a parent's children fall in every bucket, so each bucket would read them all).
-- A term (end_month 0) is no flow or stock, but DuckDB may evaluate the join before the kind filter: greatest() keeps
-- make_date defined for it.
create or replace temp table rollup_children as
select u.parent_code, v.period, v.year, v.indicator_code, v.category_code, v.end_year, v.end_month,
       sum(v.value) as children_sum, count(*) as children_reporting
from fct_value v
join dim_indicator i using (indicator_code)
join dim_unit u
  on u.unit_code = v.unit_code
 and u.valid_from <= last_day(make_date(v.end_year, greatest(v.end_month, 1), 1))
 and coalesce(u.valid_to, date '9999-12-31') >= last_day(make_date(v.end_year, greatest(v.end_month, 1), 1))
join check_scope_all s on s.unit_code = u.parent_code and s.year = v.year
where i.kind in ('flow', 'stock') and u.parent_code is not null
  and v.year between getvariable('check_first_year') and getvariable('check_last_year')
group by u.parent_code, v.period, v.year, v.indicator_code, v.category_code, v.end_year, v.end_month;

-- How many children each of those parents had at the end of each period: a sum is complete only when all of
-- them reported.
create or replace temp table rollup_active as
select r.parent_code, r.period, count(distinct u.unit_code) as children_active
from (select distinct parent_code, period, last_day(make_date(end_year, greatest(end_month, 1), 1)) as period_end
      from rollup_children) r
join dim_unit u
  on u.parent_code = r.parent_code
 and u.valid_from <= r.period_end
 and coalesce(u.valid_to, date '9999-12-31') >= r.period_end
group by r.parent_code, r.period;
