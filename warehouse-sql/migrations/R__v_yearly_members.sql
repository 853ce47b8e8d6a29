-- The committees' export, Members: members at the start of the year (end of December before) and at the end (the
-- year's latest reported month, end_month), and the change over the year, per unit (every level, '*' = all
-- units) and year, from v_summary_unit_rollup.

create or replace view v_yearly_members as
with figures as (
    select unit_code, level, year,
           sum(value) filter (where measure = 'start')           as members_at_start,
           sum(value) filter (where measure = 'end')             as members_at_end,
           max(through_month) filter (where measure = 'end')     as end_month
    from v_summary_unit_rollup
    where measure in ('start', 'end') and indicator_code = 'members' and category_code = 'total'
    group by unit_code, level, year
)
select f.unit_code,
       n.unit_name,
       f.level,
       f.year,
       f.members_at_start::bigint                                                                     as members_at_start,
       f.members_at_end::bigint                                                                       as members_at_end,
       f.end_month,
       (f.members_at_end - f.members_at_start)::bigint                                                as change_count,
       round(100.0 * (f.members_at_end - f.members_at_start) / nullif(f.members_at_start, 0), 2)::decimal(12, 2) as change_pct
from figures f
left join v_summary_unit n using (unit_code, year)
where f.members_at_end is not null;
