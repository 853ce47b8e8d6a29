-- Số liệu đã được đơn vị đính chính: giá trị cũ và giá trị hiện hành / Values a later submission corrected: the old figure and the current one
select r.unit_code, r.period, r.indicator_code, r.category_code, r.value as old_value, v.value as current_value,
       s.file_path as old_file
from fct_reported_value r
join dim_submission s using (submission_id)
left join fct_value v using (unit_code, period, indicator_code, category_code)
where not r.is_current
order by r.unit_code, r.period, r.indicator_code, r.category_code;
