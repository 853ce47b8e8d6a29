-- severity: error
-- reads: values, catalogue, registry
-- Within a run only the run's years are read (check_first_year..check_last_year, set by check/check_scope.sql);
-- run alone, without those variables, a check reads every year.
-- Stocks are semi-additive: summed across units, never across time; a longer period's stock is its last
-- month's. Concretely: no stock indicator is in the flow tables (whose year-to-date is a running sum), and
-- a view's stock at a period is one month's fct_stock value: members at the start of a year are the December
-- before (v_screening_by_year; v_member_balance takes the same December and its year's last month by construction).
select 'fct_flow_ytd' as place, y.unit_code, y.year, y.indicator_code as indicator
from fct_flow_ytd y join dim_indicator i using (indicator_code) where i.kind <> 'flow' and y.year between coalesce(getvariable('check_first_year'), 0) and coalesce(getvariable('check_last_year'), 9999)
group by all
union all
select 'fct_flow_month', m.unit_code, m.year, m.indicator_code
from fct_flow_month m join dim_indicator i using (indicator_code) where i.kind <> 'flow' and m.year between coalesce(getvariable('check_first_year'), 0) and coalesce(getvariable('check_last_year'), 9999)
group by all
union all
select 'v_screening_by_year.members_at_start', s.unit_code, s.year, 'members'
from v_screening_by_year s
left join fct_stock m
  on m.unit_code = s.unit_code and m.year = s.year - 1 and m.month = 12 and m.indicator_code = 'members' and m.category_code = 'total'
where s.year between coalesce(getvariable('check_first_year'), 0) and coalesce(getvariable('check_last_year'), 9999) and s.members_at_start is distinct from m.stock_value::bigint
