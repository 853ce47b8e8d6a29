-- Two rules changed with this version: MEMBER_BALANCE took a flow it could not total (a month refused or
-- not held) as 0, and ROLLUP_MISMATCH compared a parent with the children that had reported so far. Findings
-- are recomputed only for the units and years a run touches, so the unit-years holding such findings are
-- recorded here: the next run derives and checks them again with the current rules, then empties the table.
create table dq_recheck (
    unit_code varchar not null,
    year      integer not null
);

insert into dq_recheck
select distinct unit_code, year
from dq_finding_row
where rule_code in ('MEMBER_BALANCE', 'ROLLUP_MISMATCH');
