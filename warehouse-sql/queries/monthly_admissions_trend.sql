-- Số kết nạp từng tháng so với cùng tháng năm trước / Monthly admissions against the same month a year before
select unit_code, year, month, value as admitted, value_same_month_last_year, change_pct, source
from v_monthly_trend
where indicator = 'admitted' and category = 'total'
order by unit_code, year, month;
