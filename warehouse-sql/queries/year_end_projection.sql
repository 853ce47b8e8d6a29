-- Dự báo số kết nạp cả năm và khả năng đạt chỉ tiêu / Year-end admissions projected, and whether the quota will be met
select unit_code, year, through_month, admitted_count, projected_count, quota_count, projected_attainment_pct,
       will_miss_quota, method
from v_admission_projection
where through_month < 12
order by unit_code, year;
