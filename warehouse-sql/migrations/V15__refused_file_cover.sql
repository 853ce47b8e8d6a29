-- The units and periods a refused file appears to cover, read from it without loading it (the unit and period
-- columns of a CSV in a Windows code page, of a macro-enabled workbook...): a refused file is resolved as replaced
-- once later submissions cover them all. Files whose cover is not known (an encrypted workbook, an old .xls, a file
-- too large) have no rows here. The lake keeps the same pairs in the submission audit's cover column.
create table refused_cover (
    submission_id varchar not null,
    unit_code     varchar not null,
    period        varchar not null
);
