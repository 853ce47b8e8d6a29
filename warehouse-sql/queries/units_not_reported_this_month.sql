-- Đơn vị chưa báo cáo tháng gần nhất / Units that have not reported for the latest complete month
select unit_code, year, month
from v_submission_completeness
where not is_reported
  and year * 12 + month = (select max(year * 12 + month) from v_submission_completeness)
order by unit_code;
