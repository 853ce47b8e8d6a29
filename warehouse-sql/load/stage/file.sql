-- The audit row of each of the run's files, from its submissions file (columns: stage/file_columns.sql). A header
-- line many files share is in the companion file, by number (header_id).

create or replace temp table stage_file as
select s.* exclude (header_id) replace (coalesce(s.header_line, h.header_line) as header_line)
from read_csv(getvariable('stage_submissions_file'), header = true, auto_detect = false, quote = '"', escape = '"',
              columns = struct_insert(stage_file_columns(), header_id := 'integer')) s
left join read_csv(getvariable('stage_headers_file'), header = true, auto_detect = false, quote = '"', escape = '"',
                   columns = {'header_id': 'integer', 'header_line': 'varchar'}) h using (header_id);
