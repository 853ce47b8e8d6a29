-- The quarantined rows the run tried again and found to be duplicates.

create or replace temp table stage_retried_duplicate as
select *
from read_csv(getvariable('stage_retried_duplicates_file'), header = true, auto_detect = false,
              columns = {'quarantine_key': 'bigint'});
