-- dim_submission without its primary key and unique SHA-256. DuckDB keeps such indexes (ART) in memory
-- to insert into the table: for a five-year national warehouse (3 million files, 64-character hashes)
-- they took most of the 600 MB DuckDB may use, and a nightly run on it ran out of memory. The pull step
-- takes each SHA-256 once, and the load step checks after every run that this run's identifiers and
-- hashes each appear once (LoadTasklet), so nothing is lost by the change.
-- DuckDB cannot drop a key from a table: the table is rebuilt with the same columns.
create table dim_submission_v4 (
    submission_id    varchar not null,      -- first 16 hex digits of sha256
    sha256           varchar not null,
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

insert into dim_submission_v4 select * from dim_submission;

drop table dim_submission;

alter table dim_submission_v4 rename to dim_submission;
