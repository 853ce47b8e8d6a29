-- The unit history the roll-ups read, kept beside dim_unit and rebuilt with it by every load
-- (load/unit_history.sql). Computed on each query, the walk up the parents took 0.3-0.9 s on a national registry.

-- One row per unit version and ancestor (the unit itself at depth 0), with the days on which that chain of
-- parents held: the version's validity cut down to each ancestor's. Unlike dim_unit's level1_code..level4_code
-- (as on valid_from), a parent that moved later is seen from the day it moved. valid_to 9999-12-31: still in force.
create table dim_unit_lineage (
    unit_code      varchar not null,
    unit_level     integer not null,
    ancestor_code  varchar not null,
    ancestor_level integer not null,
    depth          integer not null,
    valid_from     date not null,
    valid_to       date not null
);

-- One row per unit code: its current successor (successor_code followed until a unit still active; a unit that
-- is active, or whose last version names no known successor, is its own) and the steps followed.
create table dim_unit_successor (
    unit_code    varchar primary key,
    current_code varchar not null,
    steps        integer not null
);

-- The same chains, one row per unit and stretch of days over which its name and whole chain of parents stayed the
-- same: what the per-unit views join to show a unit as it was (a join of dim_unit_lineage and a grouping in each
-- view cost the attainment view a fifth of its time).
create table dim_unit_placement (
    unit_code       varchar not null,
    valid_from      date not null,
    valid_to        date not null,
    unit_name       varchar not null,
    level           integer not null,
    parent_code     varchar,
    province_code   varchar,
    district_code   varchar,
    grassroots_code varchar
);

-- ROLLUP_MISMATCH's detail now names how many children reported of those active: its unit-years are checked
-- again by the next run (dq_recheck, V7), which writes the new detail.
insert into dq_recheck
select distinct unit_code, year
from dq_finding_row
where rule_code = 'ROLLUP_MISMATCH'
except
select unit_code, year from dq_recheck;
