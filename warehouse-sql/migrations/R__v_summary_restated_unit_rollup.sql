-- The committees' export restated: v_summary_unit_rollup's rule over today's units. Each unit's own figures count
-- under its current successor (dim_unit_successor) first, added to that unit's own (in 2025 the ward HN.P-BM holds
-- its abolished district's January-June and its own July onward), then add up today's hierarchy
-- (v_summary_restated_unit_ancestor): a unit's figure counts for an ancestor only when no unit between them reported
-- the same figure itself. A unit that ended without a successor has no place today and counts nowhere.
-- The columns of v_summary_unit_rollup.

create or replace view v_summary_restated_unit_rollup as
with restated as (
    select s.current_code as unit_code, f.year, f.month, f.indicator_code, f.category_code, f.measure,
           sum(f.value) as value, max(f.through_month) as through_month
    from v_summary_figure f
    join dim_unit_successor s using (unit_code)
    group by s.current_code, f.year, f.month, f.indicator_code, f.category_code, f.measure
),
reported as (
    select f.*, a.ancestor_code, a.ancestor_level
    from restated f
    join v_summary_restated_unit_ancestor a using (year, unit_code)
),
covered as (
    select r.unit_code, r.year, r.month, r.indicator_code, r.category_code, r.measure, max(r.ancestor_level) as covered_level
    from reported r
    join restated own
      on own.unit_code = r.ancestor_code
     and own.year = r.year
     and own.month = r.month
     and own.indicator_code = r.indicator_code
     and own.category_code = r.category_code
     and own.measure = r.measure
    where r.ancestor_level > 0 and r.ancestor_code <> r.unit_code
    group by r.unit_code, r.year, r.month, r.indicator_code, r.category_code, r.measure
)
select r.ancestor_code         as unit_code,
       r.ancestor_level        as level,
       r.year,
       r.month,
       r.indicator_code,
       r.category_code,
       r.measure,
       sum(r.value)            as value,
       max(r.through_month)    as through_month,
       count(*)                as reporting_units
from reported r
left join covered c using (unit_code, year, month, indicator_code, category_code, measure)
where r.ancestor_level > coalesce(c.covered_level, -1)
group by r.ancestor_code, r.ancestor_level, r.year, r.month, r.indicator_code, r.category_code, r.measure;
