-- The quarantined rows the run tried again and refused for another reason, with that reason.

create or replace temp table stage_retried_reason as
select *
from read_csv(getvariable('stage_retried_reasons_file'), header = true, auto_detect = false, quote = '"', escape = '"',
              columns = {'quarantine_key': 'bigint', 'reason_code': 'varchar', 'detail': 'varchar'});
