-- unit_ancestors_at(day): every unit active on that day, with its level, parent and ancestors as they were on
-- that day (province, district or bloc, grassroots organisation; NULL where its chain has none of that level).
-- The days each chain of parents held are in dim_unit_lineage, current successors in dim_unit_successor (V13).

create or replace macro unit_ancestors_at(at_day) as table
select unit_code, unit_name, level, parent_code, province_code, district_code, grassroots_code
from dim_unit_placement
where at_day between valid_from and valid_to;
