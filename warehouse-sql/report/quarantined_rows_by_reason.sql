-- The rows a run quarantined, by reason, for its report (whole refused files, with no line, left out).
select reason_code, count(*) as rows
from quarantine_row
where run_id = ? and line_number is not null
group by reason_code
order by reason_code;
