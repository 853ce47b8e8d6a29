-- STOCK_IDENTITY: official + probationary = total
insert into new_finding
select 'STOCK_IDENTITY', t.unit_code, t.year, t.period, 'members', 'total',
       'official ' || o.value::bigint || ' + probationary ' || p.value::bigint || ' = ' || (o.value + p.value)::bigint
       || ', total is ' || t.value::bigint
from scoped_value t
join scoped_value o on o.unit_code = t.unit_code and o.period = t.period and o.indicator_code = 'members' and o.category_code = 'official'
join scoped_value p on p.unit_code = t.unit_code and p.period = t.period and p.indicator_code = 'members' and p.category_code = 'probationary'
where t.indicator_code = 'members' and t.category_code = 'total' and o.value + p.value <> t.value;
