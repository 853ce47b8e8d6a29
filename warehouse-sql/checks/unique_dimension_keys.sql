-- severity: error
-- reads: registry, submissions, catalogue
-- A unit has one version per valid_from; a submission one row per id; the catalogue one row per code.
select 'dim_unit' as dimension, unit_code as key, count(*) as rows_held from dim_unit group by unit_code, valid_from having count(*) > 1
union all
select 'dim_submission', submission_id, count(*) from dim_submission group by submission_id having count(*) > 1
union all
select 'dim_indicator', indicator_code, count(*) from dim_indicator group by indicator_code having count(*) > 1
union all
select 'dim_category', indicator_code || '/' || category_code, count(*) from dim_category group by indicator_code, category_code having count(*) > 1
