-- The date of the warehouse's data: the latest run date whose load completed. The committees' export prints it
-- in its titles.

create or replace view v_summary_data_date as
select max(run_date) as data_date
from etl_run
where loaded_at is not null;
