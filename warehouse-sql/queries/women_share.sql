-- Tỷ lệ nữ trong số đảng viên mới kết nạp / Share of women among admissions
select unit_code, year, through_month, admitted_count as women, share_of_total_pct as women_share_pct
from v_admission_by_category
where category = 'women'
order by unit_code, year;
