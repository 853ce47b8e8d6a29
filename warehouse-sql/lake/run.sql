-- The run itself, as the lake keeps it (lake/runs/run=<run>/run.parquet): its date and when its lake step
-- committed, the order in which a rebuild replays the runs. The query of a COPY; variables: run_id, run_date,
-- committed_at.
select getvariable('run_id') as run_id, cast(getvariable('run_date') as date) as run_date,
       cast(getvariable('committed_at') as timestamp) as committed_at
