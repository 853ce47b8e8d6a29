-- Dimensions of the star schema. The catalogue dimensions are filled from the catalogue CSV files
-- by the load step, so the CSV stays the single source of the indicator catalogue.

create table etl_run (
    run_id              varchar primary key,
    run_date            date not null,
    loaded_at           timestamp,
    derived_at          timestamp,
    checked_at          timestamp,
    files_pulled        integer,
    files_refused       integer,
    rows_read           bigint,
    rows_loaded         bigint,
    rows_quarantined    bigint,
    rows_duplicate      bigint,
    rows_retried_loaded bigint
);

create table dim_unit_type (
    unit_type_code varchar primary key,
    label_vi       varchar not null,
    unit_group     varchar not null
);

create table dim_indicator (
    indicator_code varchar primary key,
    label_vi       varchar not null,
    kind           varchar not null,      -- flow | stock | target
    period_kinds   varchar not null,      -- year|quarter|half|month|range|term
    value_type     varchar not null,      -- count | rate
    description    varchar
);

create table dim_category (
    indicator_code varchar not null,
    category_code  varchar not null,
    label_vi       varchar not null,
    sort_order     integer not null,
    is_total       boolean not null,
    primary key (indicator_code, category_code)
);

-- Month grain: calendar parts and the congress term whose plan years hold the month.
create table dim_month (
    month_key  integer primary key,       -- yyyymm
    year       integer not null,
    month      integer not null,
    quarter    integer not null,
    half       integer not null,
    first_day  date not null,
    last_day   date not null,
    term_code  varchar not null           -- 2020-2025 covers plan years 2021-2025
);

insert into dim_month
select y * 100 + m,
       y,
       m,
       (m + 2) // 3,
       (m + 5) // 6,
       make_date(y, m, 1),
       last_day(make_date(y, m, 1)),
       ((y - 1) // 5 * 5)::varchar || '-' || ((y - 1) // 5 * 5 + 5)::varchar
from range(1990, 2051) as years(y), range(1, 13) as months(m);

create table dim_term (
    term_code     varchar primary key,
    congress_year integer not null,
    first_year    integer not null,
    last_year     integer not null
);

insert into dim_term
select c::varchar || '-' || (c + 5)::varchar, c, c + 1, c + 5
from range(1985, 2050, 5) as t(c);

-- Every accepted registry row; a later row with the same code and valid_from corrects it.
create table registry_version (
    unit_code      varchar not null,
    valid_from     date not null,
    unit_name      varchar not null,
    parent_code    varchar,
    level          integer not null,
    unit_type      varchar not null,
    valid_to       date,
    successor_code varchar,
    submission_id  varchar not null,
    line_number    bigint not null,
    primary key (unit_code, valid_from)
);

-- SCD type 2: one row per unit version, with its ancestors as they were on valid_from.
create table dim_unit (
    unit_key       integer primary key,
    unit_code      varchar not null,
    valid_from     date not null,
    valid_to       date,
    unit_name      varchar not null,
    parent_code    varchar,
    level          integer not null,
    unit_type      varchar not null,
    successor_code varchar,
    is_current     boolean not null,
    level1_code    varchar,
    level2_code    varchar,
    level3_code    varchar,
    level4_code    varchar
);

-- The audit dimension: one row per file taken from the inbox, refused or not.
create table dim_submission (
    submission_id    varchar primary key,   -- first 16 hex digits of sha256
    sha256           varchar not null unique,
    file_path        varchar not null,      -- relative to the inbox
    size_bytes       bigint not null,
    modified_at      timestamp not null,    -- submission time, local time of memberstat.zone
    pulled_at        timestamp not null,
    run_id           varchar not null,
    layout           varchar,               -- registry | long | report_form; null when refused before reading
    refused_reason   varchar,
    refused_detail   varchar,
    rows_read        bigint not null,
    rows_loaded      bigint not null,
    rows_quarantined bigint not null,
    rows_duplicate   bigint not null,
    header_line      varchar,               -- the header row as read, to read a quarantined row again
    delimiter        varchar
);
