-- cover: the units and periods a refused file appears to cover ('unit period' pairs, canonical periods, joined by
-- ';'), read without loading it; null when not known (an encrypted workbook, an old .xls, a file too large) or for a
-- file taken. A refused file is resolved as replaced once later submissions cover them all. Added at the end.
alter table dim_submission add column cover varchar;
