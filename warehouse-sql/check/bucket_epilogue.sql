-- The bucket's findings, from every rule of rules/, stored with their rule's severity; then the bucket's
-- working tables are dropped.

insert into dq_finding_row
select getvariable('run_id'), f.rule_code, r.severity, f.unit_code, f.year, f.period, f.indicator, f.category, f.detail
from new_finding f
join dq_rule r using (rule_code);

drop table if exists new_finding;
drop table if exists scoped_value;
