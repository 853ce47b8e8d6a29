-- The committees' export: v_summary_figure added up to every ancestor as the hierarchy was in the year
-- (v_summary_unit_ancestor), level 0 '*' being all units. A unit's own report counts for it and stands for its
-- whole subtree: a unit's figure counts for an ancestor only when no unit between them (the ancestor included)
-- reported the same figure itself, so a district's own total and its communes' are never added together.
-- reporting_units: how many units' own reports make the figure.

create or replace view v_summary_unit_rollup as
with reported as (
    select f.*, a.ancestor_code, a.ancestor_level
    from v_summary_figure f
    join v_summary_unit_ancestor a using (year, unit_code)
),
covered as (
    -- the deepest proper ancestor that reported the same figure itself: the reporter counts only for units below it
    select r.unit_code, r.year, r.month, r.indicator_code, r.category_code, r.measure, max(r.ancestor_level) as covered_level
    from reported r
    join v_summary_figure own
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
