-- The run's unit registry rows, from its registry file.

create or replace temp table stage_registry as
select unit_code, cast(valid_from as date) as valid_from, unit_name, parent_code, level, unit_type,
       cast(valid_to as date) as valid_to, successor_code, submission_id, line_number, quarantine_key
from read_parquet(getvariable('stage_registry_file'));
