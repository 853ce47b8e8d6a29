-- A run's retried-reasons file as the load reads it, from the lake's retried rows. Variable: lake_file.
select quarantine_key, reason_code, detail
from read_parquet(getvariable('lake_file'), hive_partitioning = false)
where outcome = 'kept_out'
order by quarantine_key
