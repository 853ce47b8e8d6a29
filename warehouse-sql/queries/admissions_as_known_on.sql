-- Số kết nạp cả năm như kho dữ liệu biết tại một thời điểm / Yearly admissions as the warehouse knew them at a moment (edit the timestamp)
select unit_code, period, category_code, value
from fct_value_as_of(timestamp '2026-01-01 07:00:00')
where indicator_code = 'admitted' and period_kind = 'year'
order by unit_code, period, category_code;
