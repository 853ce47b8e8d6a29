-- A run's retried-duplicates file as the load reads it, from the lake's retried rows. Variable: lake_file.
select quarantine_key
from read_parquet(getvariable('lake_file'), hive_partitioning = false)
where outcome = 'duplicate'
order by quarantine_key
