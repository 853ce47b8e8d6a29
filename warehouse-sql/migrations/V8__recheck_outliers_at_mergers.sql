-- OUTLIER changed with this version: a unit that absorbed others (their successor_code) now counts their
-- months before the merger in the history of its months after it. The unit-years of its findings at such
-- units are checked again by the next run, as V7 arranged for two other rules.
insert into dq_recheck
select distinct f.unit_code, f.year
from dq_finding_row f
where f.rule_code = 'OUTLIER'
  and exists (select 1 from dim_unit p where p.successor_code = f.unit_code and p.unit_code <> f.unit_code);
