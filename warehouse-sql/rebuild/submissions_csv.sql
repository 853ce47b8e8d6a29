-- A run's submissions file as the load reads it (columns of load/stage/file_columns.sql), from the lake's audit rows.
-- The query of a COPY; variable: lake_file. A run written before refused files' covers has none (cover null).
select * exclude (run_id)
from (select * from read_parquet(getvariable('lake_file'), hive_partitioning = false)
      union all by name
      select null::varchar as cover where false)
