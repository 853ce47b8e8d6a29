-- Whether dim_unit and the unit history (load/dim_unit.sql, load/unit_history.sql) must be rebuilt: the run brought
-- registry rows (new, corrected or retried from quarantine), or they do not yet stand for registry_version (a new
-- warehouse, or one migrated to V13 whose unit history was never built). Otherwise the rebuild would write back the
-- same rows: on a national registry a second of work and a larger commit, every night.
set variable registry_changed = exists (select 1 from stage_registry)
    or (select count(*) from dim_unit) <> (select count(*) from registry_version)
    or (exists (select 1 from registry_version) and not exists (select 1 from dim_unit_successor));
