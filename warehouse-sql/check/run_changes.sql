-- What this run changed of what the warehouse checks read, one variable per input a check names on its
-- "-- reads:" line (check/WarehouseChecks): a check none of whose inputs changed can find nothing new, and is
-- not run. A run the load left no etl_run_change row for (V16) counts as having changed the registry and catalogue.
-- values: the values, and the derived facts derive rebuilt for the unit-years of scope/scope.sql (the run's
-- etl_scope and the unit-years a changed rule left to check again).
set variable changed_values = exists (select 1 from etl_scope where run_id = getvariable('run_id'))
    or exists (select 1 from dq_recheck);

set variable changed_registry = coalesce((select registry_changed from etl_run_change where run_id = getvariable('run_id')), true);

set variable changed_catalogue = coalesce((select catalogue_changed from etl_run_change where run_id = getvariable('run_id')), true);

set variable changed_submissions = exists (select 1 from dim_submission where run_id = getvariable('run_id'));

set variable changed_findings = exists (select 1 from dq_finding_row where run_id = getvariable('run_id'));
