-- The committees' export, Training: classes held and attendees, for the awareness classes of candidates and for
-- the classes of new members, per unit (every level, '*' = all units) and year, from v_summary_unit_rollup.

create or replace view v_yearly_training as
with figures as (
    select unit_code, level, year,
           max(through_month)                                                                                 as through_month,
           sum(value) filter (where indicator_code = 'awareness_classes' and category_code = 'classes')      as awareness_classes,
           sum(value) filter (where indicator_code = 'awareness_classes' and category_code = 'attendees')    as awareness_attendees,
           sum(value) filter (where indicator_code = 'new_member_classes' and category_code = 'classes')     as new_member_classes,
           sum(value) filter (where indicator_code = 'new_member_classes' and category_code = 'attendees')   as new_member_attendees
    from v_summary_unit_rollup
    where measure = 'year' and indicator_code in ('awareness_classes', 'new_member_classes')
    group by unit_code, level, year
)
select f.unit_code,
       n.unit_name,
       f.level,
       f.year,
       f.through_month,
       f.awareness_classes::bigint    as awareness_classes,
       f.awareness_attendees::bigint  as awareness_attendees,
       f.new_member_classes::bigint   as new_member_classes,
       f.new_member_attendees::bigint as new_member_attendees
from figures f
left join v_summary_unit n using (unit_code, year);
