-- Tỷ lệ đạt chỉ tiêu kết nạp theo đối tượng / Attainment of the quotas set for admission categories
select unit_code, year, category, quota_count, admitted_count, attainment_pct
from v_admission_by_category
where quota_count is not null
order by unit_code, year, category;
