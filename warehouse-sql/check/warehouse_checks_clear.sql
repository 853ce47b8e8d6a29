-- Before the warehouse checks (warehouse-sql/checks/) run: their earlier findings for what this run reads again
-- are cleared: the unit-years it loaded values for and the units whose registry rows came with it. Findings
-- elsewhere stay, since the checks do not read there this run.
delete from dq_finding_row f
where f.rule_code = 'WAREHOUSE_CHECK'
  and (exists (select 1 from etl_scope s where s.run_id = getvariable('run_id') and s.unit_code = f.unit_code and s.year = f.year)
       or f.unit_code in (select r.unit_code from registry_version r join dim_submission d using (submission_id)
                          where d.run_id = getvariable('run_id')));
