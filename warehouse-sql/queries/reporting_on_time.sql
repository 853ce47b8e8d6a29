-- Tỷ lệ báo cáo đúng hạn theo đơn vị và năm / On-time reporting by unit and year
select unit_code, year, count(*) as months, count(*) filter (where is_reported) as reported,
       count(*) filter (where is_on_time) as on_time,
       round(100.0 * count(*) filter (where is_on_time) / count(*), 2) as on_time_pct
from v_submission_completeness
group by unit_code, year
order by unit_code, year;
