-- The committees' export, Completeness: monthly reports expected (v_submission_completeness: every active unit and
-- month from its first report on), received, and received on time, added up over each unit's subtree as it was in
-- the year (every level, '*' = all units).

create or replace view v_yearly_completeness as
with months as (
    select a.ancestor_code as unit_code, a.ancestor_level as level, c.year,
           count(*)                          as expected_reports,
           count(*) filter (where c.is_reported) as received_reports,
           count(*) filter (where c.is_on_time)  as on_time_reports
    from v_submission_completeness c
    join v_summary_unit_ancestor a using (unit_code, year)
    group by a.ancestor_code, a.ancestor_level, c.year
)
select m.unit_code,
       n.unit_name,
       m.level,
       m.year,
       m.expected_reports,
       m.received_reports,
       m.on_time_reports,
       round(100.0 * m.received_reports / nullif(m.expected_reports, 0), 2)::decimal(12, 2) as received_pct,
       round(100.0 * m.on_time_reports / nullif(m.expected_reports, 0), 2)::decimal(12, 2)  as on_time_pct
from months m
left join v_summary_unit n using (unit_code, year);
