-- The rows reloaded against the submission's audit row: a data file's loaded rows, those of its first run and
-- those later runs took from quarantine, must all come back from the lake. One row when they do not.
select s.rows_loaded, (select count(*) from reprocess_row) as reloaded
from dim_submission s
where s.submission_id = getvariable('submission_id')
  and s.rows_loaded <> (select count(*) from reprocess_row)
