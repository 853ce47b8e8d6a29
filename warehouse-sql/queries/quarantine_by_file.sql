-- Các dòng bị cách ly theo tệp và lý do, để gửi lại đơn vị / Quarantined rows by file and reason, to send back to the units
select file_path, reason_code, count(*) as rows_quarantined, min(line_number) as first_line
from quarantine
where not is_resolved
group by file_path, reason_code
order by file_path, reason_code;
