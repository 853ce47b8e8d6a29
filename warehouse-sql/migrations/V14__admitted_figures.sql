-- The admissions in total that the attainment and roll-up views read, kept small beside fct_flow_ytd: those views
-- scanned the whole year of fct_flow_ytd (every indicator and category) and rolled the year-to-date of every
-- grassroots organisation up again on each query. Derive keeps both tables for the unit-years a run touches
-- (derive/derive.sql), the load's unit history for the grassroots organisations whose placements changed
-- (load/unit_history.sql). Here they are filled once for an existing warehouse.

-- One row per unit and year with admissions: the latest year-to-date (admitted, total) and the month it runs to.
create table fct_admitted_year (
    unit_code      varchar not null,
    year           integer not null,
    through_month  integer not null,
    admitted_count double not null
);

-- One row per grassroots organisation, year and stretch of unchanged parents (dim_unit_placement at level 3, cut
-- to the year) with admissions in it: the year-to-date at the stretch's last month, less the one before its first
-- month (the latest known, else 0). The stretches of a year add up to its year-to-date.
create table fct_admitted_stretch (
    unit_code      varchar not null,
    year           integer not null,
    first_month    integer not null,
    last_month     integer not null,
    through_month  integer not null,
    admitted_count double not null
);

insert into fct_admitted_year
select unit_code, year, max(through_month), arg_max(ytd_value, through_month)
from fct_flow_ytd
where indicator_code = 'admitted' and category_code = 'total'
group by unit_code, year
order by year, unit_code;

-- As the macro admitted_stretch_figures() computes it (R__admitted_stretch_figures.sql, created after this).
insert into fct_admitted_stretch
with stretch as (
    select p.unit_code, a.year,
           case when p.valid_from > make_date(a.year, 1, 1) then month(p.valid_from) else 1 end   as first_month,
           case when p.valid_to < make_date(a.year, 12, 31) then month(p.valid_to) else 12 end    as last_month
    from dim_unit_placement p
    join fct_admitted_year a
      on a.unit_code = p.unit_code and a.year between year(p.valid_from) and year(p.valid_to)
    where p.level = 3
)
select s.unit_code, s.year, s.first_month, s.last_month,
       max(y.through_month),
       arg_max(y.ytd_value, y.through_month)
         - coalesce(arg_max(y.ytd_value, y.through_month) filter (where y.through_month < s.first_month), 0)
from stretch s
join fct_flow_ytd y
  on y.unit_code = s.unit_code and y.year = s.year and y.through_month <= s.last_month
 and y.indicator_code = 'admitted' and y.category_code = 'total'
group by s.unit_code, s.year, s.first_month, s.last_month
having max(y.through_month) >= s.first_month
order by s.year, s.unit_code, s.first_month;
