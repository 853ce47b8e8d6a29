-- A run's data-quality findings by rule, for its report: rule, severity, count.
select rule_code, severity, count(*) as findings
from dq_finding_row
where run_id = ?
group by rule_code, severity
order by rule_code;
