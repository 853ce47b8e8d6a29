-- Rebuild the unit history (V13) from dim_unit, right after load/dim_unit.sql: the ancestors of every version
-- with the days each chain held, each unit's placement over those days, and every code's current successor.
-- The registry is small: a full rebuild.

delete from dim_unit_lineage;

insert into dim_unit_lineage
with recursive chain(unit_code, unit_level, ancestor_code, ancestor_level, depth, valid_from, valid_to, next_parent) as (
    select unit_code, level, unit_code, level, 0, valid_from, coalesce(valid_to, date '9999-12-31'), parent_code
    from dim_unit
    union all
    select c.unit_code, c.unit_level, p.unit_code, p.level, c.depth + 1,
           greatest(c.valid_from, p.valid_from), least(c.valid_to, coalesce(p.valid_to, date '9999-12-31')), p.parent_code
    from chain c
    join dim_unit p
      on p.unit_code = c.next_parent
     and p.valid_from <= c.valid_to
     and coalesce(p.valid_to, date '9999-12-31') >= c.valid_from
    where c.depth < 8
)
select unit_code, unit_level, ancestor_code, ancestor_level, depth, valid_from, valid_to
from chain;

-- The grassroots stretches as they were, to find below the organisations whose stretches changed.
create or replace temp table previous_grassroots_stretch as
select unit_code, valid_from, valid_to from dim_unit_placement where level = 3;

delete from dim_unit_placement;

-- A stretch starts where one of the unit's chains starts, and ends where the next starts or a link of it ends.
insert into dim_unit_placement
with starts as (
    select unit_code, valid_from as at_day, lead(valid_from) over (partition by unit_code order by valid_from) as next_start
    from (select distinct unit_code, valid_from from dim_unit_lineage)
)
select s.unit_code, s.at_day, least(min(l.valid_to), coalesce(s.next_start - 1, date '9999-12-31')),
       any_value(u.unit_name),
       max(l.unit_level),
       max(case when l.depth = 1 then l.ancestor_code end),
       max(case when l.ancestor_level = 1 then l.ancestor_code end),
       max(case when l.ancestor_level = 2 then l.ancestor_code end),
       max(case when l.ancestor_level = 3 then l.ancestor_code end)
from starts s
join dim_unit_lineage l on l.unit_code = s.unit_code and s.at_day between l.valid_from and l.valid_to
join dim_unit u on u.unit_code = s.unit_code and s.at_day between u.valid_from and coalesce(u.valid_to, date '9999-12-31')
group by s.unit_code, s.at_day, s.next_start;

-- A grassroots organisation that moved (a new parent, a new end, or one that became or stopped being one) has its
-- admissions per stretch (fct_admitted_stretch, V14) counted again over all its years; the others keep theirs.
create or replace temp table moved_grassroots as
select distinct unit_code
from ((select * from previous_grassroots_stretch
       except
       select unit_code, valid_from, valid_to from dim_unit_placement where level = 3)
      union all
      (select unit_code, valid_from, valid_to from dim_unit_placement where level = 3
       except
       select * from previous_grassroots_stretch));

-- The range of their codes, as constants: none moved (most nights), and the scan of fct_flow_ytd is skipped (6 s).
set variable moved_first = (select min(unit_code) from moved_grassroots);

set variable moved_last = (select max(unit_code) from moved_grassroots);

delete from fct_admitted_stretch f using moved_grassroots m where f.unit_code = m.unit_code;

insert into fct_admitted_stretch
select a.unit_code, a.year, a.first_month, a.last_month, a.through_month, a.admitted_count
from admitted_stretch_figures() a
semi join moved_grassroots m using (unit_code)
where a.unit_code between getvariable('moved_first') and getvariable('moved_last');

drop table previous_grassroots_stretch;
drop table moved_grassroots;

delete from dim_unit_successor;

-- HN.TX ended with successor HN.P-TX: it follows one step. A code that goes on under a new parent has a new
-- version with no end, so it is active and its own.
insert into dim_unit_successor
with recursive latest as (
    select unit_code,
           arg_max(successor_code, valid_from) as successor_code,
           bool_or(valid_to is null)           as is_active
    from dim_unit
    group by unit_code
),
walk(unit_code, current_code, steps) as (
    select unit_code, unit_code, 0 from latest
    union all
    select w.unit_code, l.successor_code, w.steps + 1
    from walk w
    join latest l on l.unit_code = w.current_code
    join latest s on s.unit_code = l.successor_code
    where not l.is_active and w.steps < 16
)
select unit_code, arg_max(current_code, steps), max(steps)
from walk
group by unit_code;
