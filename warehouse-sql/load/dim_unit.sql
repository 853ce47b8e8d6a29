-- Rebuild dim_unit (SCD type 2) from every accepted registry row: one row per unit version, with its
-- ancestors as they were on the version's valid_from. The registry is small, so this is a full rebuild.

delete from dim_unit;

insert into dim_unit
with recursive versions as (
    select row_number() over (order by unit_code, valid_from)::integer as unit_key, *
    from registry_version
),
ancestors(unit_key, ancestor_code, ancestor_level, at_day, next_parent, depth) as (
    select unit_key, unit_code, level, valid_from, parent_code, 0 from versions
    union all
    select a.unit_key, p.unit_code, p.level, a.at_day, p.parent_code, a.depth + 1
    from ancestors a
    join registry_version p
      on p.unit_code = a.next_parent
     and p.valid_from <= a.at_day
     and coalesce(p.valid_to, date '9999-12-31') >= a.at_day
    where a.depth < 8
)
select v.unit_key, v.unit_code, v.valid_from, v.valid_to, v.unit_name, v.parent_code, v.level, v.unit_type,
       v.successor_code, v.valid_to is null,
       max(case when a.ancestor_level = 1 then a.ancestor_code end),
       max(case when a.ancestor_level = 2 then a.ancestor_code end),
       max(case when a.ancestor_level = 3 then a.ancestor_code end),
       max(case when a.ancestor_level = 4 then a.ancestor_code end)
from versions v
join ancestors a using (unit_key)
group by all;
