-- An operator-facing quality view of INTERFACE.md: the findings of the data-quality rules. Columns in order,
-- more may be added at the end.

create or replace view dq_finding as
select run_id,
       rule_code,
       severity,
       unit_code,
       period,
       indicator,
       category,
       detail
from dq_finding_row;
