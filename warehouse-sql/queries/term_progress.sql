-- Tiến độ thực hiện chỉ tiêu kết nạp nhiệm kỳ / Admissions against the congress term's quota
select unit_code, term, quota_count, admitted_count, attainment_pct, through_year, through_month
from v_term_progress
order by unit_code, term;
