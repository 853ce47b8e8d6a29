-- What this load changed besides the values (etl_scope), kept for the check step (V16): registry_changed as
-- load/registry_changed.sql set it, and whether the catalogue now differs from catalogue_before.sql's copy.
insert or replace into etl_run_change
select getvariable('run_id'), getvariable('registry_changed'),
       exists (select * from dim_indicator except all select * from catalogue_before_indicator)
       or exists (select * from catalogue_before_indicator except all select * from dim_indicator)
       or exists (select * from dim_category except all select * from catalogue_before_category)
       or exists (select * from catalogue_before_category except all select * from dim_category)
       or exists (select * from dim_unit_type except all select * from catalogue_before_unit_type)
       or exists (select * from catalogue_before_unit_type except all select * from dim_unit_type);

drop table if exists catalogue_before_indicator;

drop table if exists catalogue_before_category;

drop table if exists catalogue_before_unit_type;
