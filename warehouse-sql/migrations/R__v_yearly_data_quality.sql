-- The committees' export, Data quality: the year's quality findings (errors, warnings) and the quarantined rows
-- still unresolved whose period falls in the year, over each unit's subtree as it was in the year (every level,
-- '*' = all units). Rows naming no known unit have no place in a subtree and are left to `rejects`.

create or replace view v_yearly_data_quality as
with findings as (
    select unit_code, year,
           count(*) filter (where severity = 'error')   as error_findings,
           count(*) filter (where severity = 'warning') as warning_findings,
           0                                            as unresolved_rows
    from dq_finding_row
    group by unit_code, year
),
unresolved as (
    select unit_code, try_cast(left(period, 4) as integer) as year, 0, 0, count(*)
    from quarantine_row
    where not is_resolved and unit_code is not null and try_cast(left(period, 4) as integer) is not null
    group by all
),
per_unit as (
    select * from findings
    union all
    select * from unresolved
),
summed as (
    select a.ancestor_code as unit_code, a.ancestor_level as level, p.year,
           sum(p.error_findings)::bigint   as error_findings,
           sum(p.warning_findings)::bigint as warning_findings,
           sum(p.unresolved_rows)::bigint  as unresolved_rows
    from per_unit p
    join v_summary_unit_ancestor a using (unit_code, year)
    group by a.ancestor_code, a.ancestor_level, p.year
)
select s.unit_code, n.unit_name, s.level, s.year, s.error_findings, s.warning_findings, s.unresolved_rows
from summed s
left join v_summary_unit n using (unit_code, year);
