-- A refused file is resolved once a later submission comes from the same inbox path: the unit sent a new copy
-- (refused again, the new refusal stands for both). It names the submission that replaced it; if two files of
-- this run could, the one with the earliest modified time. Rows of a file (line_number set) are not concerned:
-- their own causes resolve them.
update quarantine_row
set is_resolved = true, resolved_run_id = getvariable('run_id'), resolution = 'replaced', replaced_by = r.submission_id
from (
    select q.quarantine_key, arg_min(f.submission_id, f.modified_at) as submission_id
    from quarantine_row q
    join stage_file f on f.file_path = q.file_path and f.submission_id <> q.submission_id
    where q.line_number is null and not q.is_resolved and q.run_id <> getvariable('run_id')
    group by q.quarantine_key
) r
where quarantine_row.quarantine_key = r.quarantine_key;
