-- Tỷ lệ đạt chỉ tiêu kết nạp đảng viên theo đơn vị và năm / Admission attainment by unit and year
select unit_code, unit_name, year, through_month, admitted_count, quota_count, attainment_pct, is_on_track
from v_admission_attainment
where quota_count is not null
order by unit_code, year;
