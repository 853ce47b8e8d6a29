-- The rows the run's normaliser quarantined, from its quarantine file.

create or replace temp table stage_quarantine as
select * from read_parquet(getvariable('stage_quarantine_file'));
