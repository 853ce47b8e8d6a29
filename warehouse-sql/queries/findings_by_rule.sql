-- Các phát hiện chất lượng dữ liệu theo quy tắc và đơn vị / Data-quality findings by rule and unit
select f.rule_code, f.severity, f.unit_code, f.period, f.indicator, f.category, f.detail
from dq_finding f
order by f.severity, f.rule_code, f.unit_code, f.period;
