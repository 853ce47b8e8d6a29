-- ROLLUP_MISMATCH: a parent's own value against the sum of its children's (rollup_children, check_scope.sql),
-- when every child active at the period's end reported it. While some have not (a file still to come), only an
-- own value already below the others' sum is certainly wrong: values are never negative. The detail names how many
-- children reported of those active (v_rollup_reconciliation shows every pair, complete or not).
insert into new_finding
select 'ROLLUP_MISMATCH', p.unit_code, p.year, p.period, p.indicator_code, p.category_code,
       case when c.children_reporting >= a.children_active
            then 'own report ' || p.value::bigint || ', sum of its children ' || c.children_sum::bigint || ' ('
                 || c.children_reporting || ' of ' || a.children_active || ' children reported)'
            else 'own report ' || p.value::bigint || ', already below the sum of ' || c.children_reporting || ' of its '
                 || a.children_active || ' children, ' || c.children_sum::bigint end
from scoped_value p
join rollup_children c
  on c.parent_code = p.unit_code and c.period = p.period and c.indicator_code = p.indicator_code
 and c.category_code = p.category_code
join rollup_active a on a.parent_code = c.parent_code and a.period = c.period
where p.value <> c.children_sum
  and (c.children_reporting >= a.children_active or p.value < c.children_sum);
