-- Rows that could not be used, and figures that loaded but look wrong.

create sequence quarantine_key_seq;

create table quarantine_row (
    quarantine_key  bigint primary key default nextval('quarantine_key_seq'),
    run_id          varchar not null,
    submission_id   varchar not null,
    file_path       varchar not null,
    line_number     bigint,              -- null: the whole file was refused
    raw_line        varchar,
    reason_code     varchar not null,
    detail          varchar not null,
    unit_code       varchar,
    period          varchar,
    indicator       varchar,
    category        varchar,
    value_text      varchar,
    comment         varchar,
    is_resolved     boolean not null default false,
    resolved_run_id varchar,
    resolution      varchar              -- loaded | duplicate, once a later run took the row
);

create table dq_rule (
    rule_code   varchar primary key,
    severity    varchar not null,        -- error | warning
    description varchar not null
);

insert into dq_rule values
    ('CATEGORY_EXCEEDS_TOTAL', 'error',   'a category value is above the total of the same unit, period and indicator'),
    ('YTD_DECREASED',          'error',   'a year-to-date flow is lower than at an earlier month of the same year'),
    ('YTD_INCONSISTENT',       'error',   'an exact January..m period and a tiling of shorter periods give different year-to-date figures'),
    ('STOCK_IDENTITY',         'error',   'official + probationary members differ from the members total'),
    ('ROLLUP_MISMATCH',        'warning', 'a parent''s own value differs from the sum of its children''s values'),
    ('MEMBER_BALANCE',         'warning', 'members at the end differ from members at the start + admissions + transfers in - removals - deaths - transfers out'),
    ('OUTLIER',                'warning', 'a month''s admissions or removals exceed 3 times the median of the unit''s previous 24 months by 10 or more');

create table dq_finding_row (
    run_id     varchar not null,
    rule_code  varchar not null,
    severity   varchar not null,
    unit_code  varchar not null,
    year       integer not null,
    period     varchar,
    indicator  varchar,
    category   varchar,
    detail     varchar not null
);
