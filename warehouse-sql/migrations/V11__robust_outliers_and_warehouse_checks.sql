-- OUTLIER changed with this version: the modified z-score over the unit's previous 24 months (median and median
-- absolute deviation), a same-month-last-year baseline for seasonal peaks, and a threshold that is a setting.
-- The unit-years holding an OUTLIER finding are checked again by the next run, as V7 and V8 arranged; other
-- unit-years are judged by the new rule when a run next touches them.
update dq_rule
set description = 'a month''s admissions or removals have a modified z-score above memberstat.outlier-threshold (3.5) over the unit''s previous 24 months, measured from the median or from the same month a year before where that was higher, and are at least 10 above it'
where rule_code = 'OUTLIER';

-- The warehouse checks of warehouse-sql/checks/ whose severity is warn: each offending row is a finding.
insert into dq_rule values
    ('WAREHOUSE_CHECK', 'warning', 'a warning-level check of warehouse-sql/checks/ returned rows after the load; the detail names the check');

insert into dq_recheck
select distinct unit_code, year from dq_finding_row where rule_code = 'OUTLIER'
except
select unit_code, year from dq_recheck;
