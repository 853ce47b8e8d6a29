-- Đơn vị chậm tiến độ kết nạp năm gần nhất / Units behind the admission pace in their latest year with a quota
select unit_code, unit_name, year, through_month, attainment_pct, expected_pct,
       attainment_pct - expected_pct as ahead_of_pace_pct,
       not is_on_track as is_behind
from v_admission_attainment
where quota_count is not null and through_month is not null
qualify year = max(year) over (partition by unit_code)
order by ahead_of_pace_pct, unit_code;
