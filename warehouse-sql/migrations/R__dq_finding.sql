-- An operator-facing quality view of INTERFACE.md: the findings of the data-quality rules. Columns in order,
-- more may be added at the end: the indicator's and the category's Vietnamese labels from the catalogue.

create or replace view dq_finding as
select run_id,
       rule_code,
       severity,
       unit_code,
       period,
       indicator,
       category,
       detail,
       i.label_vi as indicator_label_vi,
       c.label_vi as category_label_vi
from dq_finding_row f
left join dim_indicator i on i.indicator_code = f.indicator
left join dim_category c on c.indicator_code = f.indicator and c.category_code = f.category;
