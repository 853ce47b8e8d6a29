-- The run's totals in etl_run, summed from the audit rows of its files.

update etl_run
set loaded_at        = now(),
    files_pulled     = t.files_pulled,
    files_refused    = t.files_refused,
    rows_read        = t.rows_read,
    rows_loaded      = t.rows_loaded,
    rows_quarantined = t.rows_quarantined,
    rows_duplicate   = t.rows_duplicate,
    rows_retried_loaded = (select count(*) from stage_resolved)
from (
    select count(*)                                      as files_pulled,
           count(*) filter (where refused_reason is not null) as files_refused,
           coalesce(sum(rows_read), 0)                   as rows_read,
           coalesce(sum(rows_loaded), 0)                 as rows_loaded,
           coalesce(sum(rows_quarantined), 0)            as rows_quarantined,
           coalesce(sum(rows_duplicate), 0)              as rows_duplicate
    from dim_submission
    where run_id = getvariable('run_id')
) t
where etl_run.run_id = getvariable('run_id');

