-- severity: error
-- reads: catalogue, values, findings, registry
-- Within a run only the unit-years the run loaded values for are read (etl_scope of getvariable('run_id')), in
-- the run's years (check_first_year..check_last_year, set by check/check_scope.sql); run alone, without those
-- variables, a check reads the whole warehouse.
-- Columns with a closed list of values hold only those; values are never negative.
with run_scope as (   -- the unit-years the run loaded values for; run alone, every unit-year ever loaded
    select unit_code, year from etl_scope where run_id = getvariable('run_id')
    union
    select unit_code, year from etl_scope where getvariable('run_id') is null
)
select 'dim_indicator.kind' as column_checked, kind as value from dim_indicator where kind not in ('flow', 'stock', 'target')
union all
select 'fct_reported_value.period_kind', period_kind from fct_reported_value r semi join run_scope using (unit_code, year)
where year between coalesce(getvariable('check_first_year'), 0) and coalesce(getvariable('check_last_year'), 9999)
  and period_kind not in ('year', 'month', 'quarter', 'half', 'range', 'term') group by period_kind
union all
select 'fct_reported_value.value', 'negative' from fct_reported_value r semi join run_scope using (unit_code, year) where year between coalesce(getvariable('check_first_year'), 0) and coalesce(getvariable('check_last_year'), 9999) and value < 0 group by all
union all
select 'fct_flow_month.source', source from fct_flow_month where year between coalesce(getvariable('check_first_year'), 0) and coalesce(getvariable('check_last_year'), 9999) and source not in ('reported', 'difference') group by source
union all
select 'fct_quota.period_kind', period_kind from fct_quota where period_kind not in ('year', 'term') group by period_kind
union all
select 'dq_finding_row.severity', severity from dq_finding_row where severity not in ('error', 'warning') group by severity
union all
select 'dim_unit.level', level::varchar from dim_unit where level not between 1 and 4 group by level
