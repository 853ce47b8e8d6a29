-- CATEGORY_EXCEEDS_TOTAL: a category above the total of the same unit, period and indicator
insert into new_finding
select 'CATEGORY_EXCEEDS_TOTAL', c.unit_code, c.year, c.period, c.indicator_code, c.category_code,
       c.category_code || ' = ' || c.value::bigint || ' is above total = ' || t.value::bigint
from scoped_value c
join scoped_value t
  on t.unit_code = c.unit_code and t.period = c.period and t.indicator_code = c.indicator_code
 and t.category_code = 'total'
where c.category_code <> 'total' and c.value > t.value;
