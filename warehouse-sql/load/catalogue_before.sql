-- The indicator catalogue as the warehouse held it before this load writes it afresh (load/CatalogueRefresh), for
-- load/run_changes.sql to tell whether it changed.
create or replace temp table catalogue_before_indicator as select * from dim_indicator;

create or replace temp table catalogue_before_category as select * from dim_category;

create or replace temp table catalogue_before_unit_type as select * from dim_unit_type;
