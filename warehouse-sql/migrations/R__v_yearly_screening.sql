-- The committees' export, Screening: members reviewed, removals by reason, and removals per 1,000 members at the
-- start of the year (members at the end of December before), per unit (every level, '*' = all units) and year.

create or replace view v_yearly_screening as
with figures as (
    select unit_code, level, year,
           max(through_month) filter (where measure = 'year')                                                   as through_month,
           sum(value) filter (where measure = 'year' and indicator_code = 'reviewed')                           as reviewed,
           sum(value) filter (where measure = 'start' and indicator_code = 'members')                           as members_at_start,
           sum(value) filter (where measure = 'year' and indicator_code = 'removed' and category_code = 'expelled')  as expelled,
           sum(value) filter (where measure = 'year' and indicator_code = 'removed' and category_code = 'struck_off') as struck_off,
           sum(value) filter (where measure = 'year' and indicator_code = 'removed' and category_code = 'removed_by_decision')
                                                                                                                as removed_by_decision,
           sum(value) filter (where measure = 'year' and indicator_code = 'removed' and category_code = 'total') as removed
    from v_summary_unit_rollup
    where month = 0
      and ((measure = 'year' and indicator_code in ('reviewed', 'removed'))
        or (measure = 'start' and indicator_code = 'members' and category_code = 'total'))
    group by unit_code, level, year
)
select f.unit_code,
       n.unit_name,
       f.level,
       f.year,
       f.through_month,
       f.reviewed::bigint                                                          as reviewed_count,
       f.members_at_start::bigint                                                  as members_at_start,
       f.expelled::bigint                                                          as expelled_count,
       f.struck_off::bigint                                                        as struck_off_count,
       f.removed_by_decision::bigint                                               as removed_by_decision_count,
       f.removed::bigint                                                           as removed_count,
       round(1000.0 * f.removed / nullif(f.members_at_start, 0), 2)::decimal(12, 2) as removed_per_1000_members
from figures f
left join v_summary_unit n using (unit_code, year)
where f.through_month is not null;
