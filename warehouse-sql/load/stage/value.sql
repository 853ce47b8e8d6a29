-- The run's values: a view on its lake files (the list getvariable('stage_value_files')), read where the load
-- needs them rather than copied, so a 10-million-row backfill stays within DuckDB's memory limit.

create or replace temp view stage_value as select * from read_parquet(getvariable('stage_value_files'));
