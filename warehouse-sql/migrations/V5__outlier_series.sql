-- The monthly admissions and removals in total: the history the OUTLIER check reads, kept by derive
-- beside fct_flow_month. A narrow copy of those rows, so that a night's check reads a few megabytes of
-- the two years before rather than every flow series of them (on five national years, the wide scan
-- was the slowest part of a night's check when the warehouse was not in the page cache).
create table dq_outlier_series (
    unit_code      varchar not null,
    year           integer not null,
    month          integer not null,
    indicator_code varchar not null,   -- admitted | removed
    month_value    double not null
);

insert into dq_outlier_series
select unit_code, year, month, indicator_code, month_value
from fct_flow_month
where indicator_code in ('admitted', 'removed') and category_code = 'total';
