-- The load's working tables are dropped: they would hold memory DuckDB needs for derive and check.
drop table if exists category_bit;
drop table if exists stage_group;
drop table if exists repeat_group;
drop table if exists stage_repeat;
drop table if exists stage_conflict;
drop table if exists touched_key;
drop table if exists contested_key;
drop table if exists loaded_submission;
drop table if exists winner;
drop table if exists stage_resolved;
drop table if exists retried_row;
drop table if exists stage_quarantine;
drop table if exists stage_registry;
drop table if exists stage_retried_duplicate;
drop table if exists stage_retried_reason;
drop table if exists stage_file;
