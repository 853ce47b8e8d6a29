-- The audit row of each of the run's files, from a submissions file written before header numbers (stage/file.sql):
-- every header line is inline.

create or replace temp table stage_file as
select s.*
from read_csv(getvariable('stage_submissions_file'), header = true, auto_detect = false, quote = '"', escape = '"',
              columns = stage_file_columns()) s;
