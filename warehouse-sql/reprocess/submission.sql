-- The submission to reprocess: its file, the run that read it, how it ended, and the runs that loaded its
-- quarantined rows later. Variable: submission_id.
select s.file_path, s.run_id, s.layout, s.refused_reason, s.rows_loaded,
       (select string_agg(distinct q.resolved_run_id, ',')
        from quarantine_row q
        where q.submission_id = s.submission_id and q.resolution = 'loaded') as later_runs
from dim_submission s
where s.submission_id = getvariable('submission_id')
