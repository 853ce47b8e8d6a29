-- The quarantined rows of earlier runs that this run tried again and still kept out, as the lake keeps them
-- (lake/retried/run=<run>/retried.parquet): outcome 'duplicate' (a registry row repeating a version already known)
-- or 'kept_out' (a value refused now for another reason, given with it). The query of a COPY; variables: run_id,
-- retried_duplicates_file, retried_reasons_file.
select getvariable('run_id') as run_id, quarantine_key, 'duplicate' as outcome, null::varchar as reason_code,
       null::varchar as detail
from read_csv(getvariable('retried_duplicates_file'), header = true, auto_detect = false,
              columns = {'quarantine_key': 'bigint'})
union all
select getvariable('run_id'), quarantine_key, 'kept_out', reason_code, detail
from read_csv(getvariable('retried_reasons_file'), header = true, auto_detect = false, quote = '"', escape = '"',
              columns = {'quarantine_key': 'bigint', 'reason_code': 'varchar', 'detail': 'varchar'})
order by quarantine_key
