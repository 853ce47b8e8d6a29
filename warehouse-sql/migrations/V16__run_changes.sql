-- What each run's load changed besides the values it loaded (those are in etl_scope): whether registry rows came
-- with it (dim_unit and the unit history were rebuilt) and whether the indicator catalogue differed from the one
-- before. The check step, even restarted in a later process, then runs only the warehouse checks whose inputs
-- changed (warehouse-sql/checks/, their "-- reads:" line). A run without a row here counts as having changed both.
create table etl_run_change (
    run_id            varchar primary key,
    registry_changed  boolean not null,
    catalogue_changed boolean not null
);
