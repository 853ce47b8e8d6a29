-- The committees' export, Badges: Party badges awarded by year band (30 to 90 years) and in total, January to
-- through_month, per unit (every level, '*' = all units) and year, from v_summary_unit_rollup.

create or replace view v_yearly_badges as
with figures as (
    select unit_code, level, year,
           max(through_month) as through_month,
           sum(value) filter (where category_code = 'years_30') as y30,
           sum(value) filter (where category_code = 'years_40') as y40,
           sum(value) filter (where category_code = 'years_45') as y45,
           sum(value) filter (where category_code = 'years_50') as y50,
           sum(value) filter (where category_code = 'years_55') as y55,
           sum(value) filter (where category_code = 'years_60') as y60,
           sum(value) filter (where category_code = 'years_65') as y65,
           sum(value) filter (where category_code = 'years_70') as y70,
           sum(value) filter (where category_code = 'years_75') as y75,
           sum(value) filter (where category_code = 'years_80') as y80,
           sum(value) filter (where category_code = 'years_85') as y85,
           sum(value) filter (where category_code = 'years_90') as y90,
           sum(value) filter (where category_code = 'total')    as total
    from v_summary_unit_rollup
    where measure = 'year' and indicator_code = 'badges'
    group by unit_code, level, year
)
select f.unit_code, n.unit_name, f.level, f.year, f.through_month,
       f.y30::bigint as years_30, f.y40::bigint as years_40, f.y45::bigint as years_45, f.y50::bigint as years_50,
       f.y55::bigint as years_55, f.y60::bigint as years_60, f.y65::bigint as years_65, f.y70::bigint as years_70,
       f.y75::bigint as years_75, f.y80::bigint as years_80, f.y85::bigint as years_85, f.y90::bigint as years_90,
       f.total::bigint as badges_total
from figures f
left join v_summary_unit n using (unit_code, year);
