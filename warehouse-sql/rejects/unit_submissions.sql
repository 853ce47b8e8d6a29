-- The files a unit sends back its rejects for (`rejects --unit CODE`, `--under CODE`): the submissions in which
-- one of the units named a row, loaded or quarantined, and the refused files (no rows read) whose folder names one
-- of them or whose file name begins with its code and '_'. Parameters: the code; true for the unit and every
-- unit below it in any version of the hierarchy (--under), false for the unit alone (--unit).
with asked as (
    select ?::varchar as code, ?::boolean as under
),
chosen as (
    select code as unit_code from asked
    union
    select u.unit_code
    from dim_unit u, asked a
    where a.under and a.code in (u.level1_code, u.level2_code, u.level3_code, u.level4_code, u.parent_code)
)
select submission_id from fct_reported_value where unit_code in (select unit_code from chosen)
union
select submission_id from quarantine_row where unit_code in (select unit_code from chosen)
union
select s.submission_id
from dim_submission s
join chosen c
  on list_contains(string_split(s.file_path, '/')[:-2], c.unit_code)
  or starts_with(string_split(s.file_path, '/')[-1], c.unit_code || '_')
where s.refused_reason is not null
