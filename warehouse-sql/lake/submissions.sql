-- The run's audit rows as the lake keeps them (lake/submissions/run=<run>/submissions.parquet): each file the run
-- took, refused or not, with its counts as the normaliser made them, typed, the header lines of the companion
-- file inline. The query of a COPY; variables: run_id, submissions_file, headers_file.
select getvariable('run_id') as run_id,
       s.* exclude (header_id) replace (coalesce(s.header_line, h.header_line) as header_line)
from read_csv(getvariable('submissions_file'), header = true, auto_detect = false, quote = '"', escape = '"',
              columns = {'submission_id': 'varchar', 'sha256': 'varchar', 'file_path': 'varchar',
                         'size_bytes': 'bigint', 'modified_at': 'timestamp', 'pulled_at': 'timestamp',
                         'layout': 'varchar', 'refused_reason': 'varchar', 'refused_detail': 'varchar',
                         'rows_read': 'bigint', 'rows_accepted': 'bigint', 'rows_quarantined': 'bigint',
                         'rows_duplicate': 'bigint', 'header_line': 'varchar', 'delimiter': 'varchar',
                         'cover': 'varchar', 'header_id': 'integer'}) s
left join read_csv(getvariable('headers_file'), header = true, auto_detect = false, quote = '"', escape = '"',
                   columns = {'header_id': 'integer', 'header_line': 'varchar'}) h using (header_id)
