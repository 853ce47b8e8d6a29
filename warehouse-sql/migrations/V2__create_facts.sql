-- Facts. Grain first:
--   fct_reported_value  every value ever loaded (unit x period x indicator x category x submission)
--   fct_value           the current value of each (unit, period, indicator, category)
--   fct_flow_ytd        year-to-date flow through a month (unit x year x month x indicator x category)
--   fct_flow_month      a single month's flow
--   fct_stock           a stock at the end of a month
--   fct_quota           a count quota for a year or a term (unit x year-or-term x category)

create table fct_reported_value (
    submission_id  varchar not null,
    line_number    bigint not null,
    unit_code      varchar not null,
    period         varchar not null,     -- canonical: 2024, 2024-05, 2024-Q2, 2024-H1, 2024-01..2024-04, 2020-2025
    period_kind    varchar not null,
    year           integer not null,     -- the calendar year; a term's first plan year
    start_month    integer not null,     -- 0 for a term
    end_year       integer not null,
    end_month      integer not null,     -- 0 for a term
    indicator_code varchar not null,
    category_code  varchar not null,
    value          double not null,
    comment        varchar,
    run_id         varchar not null
);

create table fct_value (
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
    submitted_at   timestamp not null
);

create table fct_flow_ytd (
    unit_code       varchar not null,
    year            integer not null,
    through_month   integer not null,
    indicator_code  varchar not null,
    category_code   varchar not null,
    ytd_value       double not null,
    is_exact        boolean not null,    -- reported as one period January..through_month
    candidate_count integer not null,    -- distinct values the exact period and the tilings give
    min_value       double not null,
    max_value       double not null
);

create table fct_flow_month (
    unit_code      varchar not null,
    year           integer not null,
    month          integer not null,
    indicator_code varchar not null,
    category_code  varchar not null,
    month_value    double not null,
    source         varchar not null      -- reported | difference
);

create table fct_stock (
    unit_code      varchar not null,
    year           integer not null,
    month          integer not null,
    indicator_code varchar not null,
    category_code  varchar not null,
    stock_value    double not null,
    period         varchar not null
);

create table fct_quota (
    unit_code     varchar not null,
    period        varchar not null,
    period_kind   varchar not null,      -- year | term
    year          integer,               -- null for a term
    term_code     varchar not null,
    category_code varchar not null,
    quota_count   double not null,
    source        varchar not null,      -- count | rate
    rate_pct      double,
    members_base  double                 -- members at the end of the previous year, for a rate quota
);

-- What each run touched: derive and check recompute only these units and years.
create table etl_scope (
    run_id    varchar not null,
    unit_code varchar not null,
    year      integer not null
);
