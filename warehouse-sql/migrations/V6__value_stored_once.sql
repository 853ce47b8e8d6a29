-- Every value is stored once. fct_value was a second copy of fct_reported_value's current rows: writing
-- each value twice was a third of a backfill's load, and the copy a quarter of the warehouse file.
-- fct_reported_value now marks its current rows (is_current) and carries their submission time, and
-- fct_value becomes a view of those rows with the same columns in the same order.
create table fct_reported_value_v6 (
    submission_id  varchar not null,
    line_number    bigint not null,
    unit_code      varchar not null,
    period         varchar not null,
    period_kind    varchar not null,
    year           integer not null,
    start_month    integer not null,
    end_year       integer not null,
    end_month      integer not null,
    indicator_code varchar not null,
    category_code  varchar not null,
    value          double not null,
    comment        varchar,
    run_id         varchar not null,
    submitted_at   timestamp not null,   -- the submission's modified time (dim_submission.modified_at)
    is_current     boolean not null      -- the value that stands for its unit, period, indicator and category
);

-- A row is current when fct_value holds it. Only a unit and period given by more than one submission can
-- have rows that are not (one submission's rows are all current: conflicting keys were quarantined), so
-- fct_value is consulted for those few only; joining every value to fct_value spilled tens of gigabytes
-- on five national years. A value is identified by its submission, line, unit, period, indicator and
-- category (a report-form line gives several). Submission times come from dim_submission; a value whose
-- submission were missing would stop the migration (submitted_at is not null) rather than be lost.
create temp table v6_contested as
select unit_code, period, year
from (select distinct submission_id, unit_code, period, year from fct_reported_value)
group by unit_code, period, year
having count(*) > 1;

create temp table v6_current as
select v.submission_id, v.line_number, v.unit_code, v.period, v.indicator_code, v.category_code
from fct_value v
semi join v6_contested c using (unit_code, period, year);

-- The rows keep their order (every join is probed with fct_reported_value), so a year's scan still
-- skips the other years' row groups.
insert into fct_reported_value_v6
select r.submission_id, r.line_number, r.unit_code, r.period, r.period_kind, r.year, r.start_month, r.end_year,
       r.end_month, r.indicator_code, r.category_code, r.value, r.comment, r.run_id, s.modified_at,
       c.unit_code is null or k.submission_id is not null
from fct_reported_value r
left join dim_submission s using (submission_id)
left join v6_contested c using (unit_code, period, year)
left join v6_current k using (submission_id, line_number, unit_code, period, indicator_code, category_code);

drop table fct_value;

drop table fct_reported_value;

drop table v6_contested;

drop table v6_current;

alter table fct_reported_value_v6 rename to fct_reported_value;

create view fct_value as
select submission_id, line_number, unit_code, period, period_kind, year, start_month, end_year, end_month,
       indicator_code, category_code, value, comment, run_id, submitted_at
from fct_reported_value
where is_current;
