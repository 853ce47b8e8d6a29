-- The runs of the lake in the order their lake steps committed, the order a rebuild loads them in. Variable:
-- runs_glob (lake/runs/*/run.parquet).
select run_id, run_date
from read_parquet(getvariable('runs_glob'), hive_partitioning = false)
order by committed_at, run_id
