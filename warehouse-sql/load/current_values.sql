-- Which value stands for each contested unit and period, after the load of a run or the reprocessing of a
-- submission: the latest submission of each indicator wins (its time, then its path, then its id), all categories
-- of it. Reads the temp table contested_key (unit_code, period, year).

-- A contested unit and period: every row of it (earlier runs' and this run's) steps down, and the
-- winning submission's rows of each indicator step up.
update fct_reported_value
set is_current = false
from contested_key c
where fct_reported_value.unit_code = c.unit_code and fct_reported_value.period = c.period
  and fct_reported_value.year = c.year and fct_reported_value.is_current;

create or replace temp table winner as
select r.unit_code, r.period, r.year, r.indicator_code,
       arg_max(r.submission_id, strftime(s.modified_at, '%Y%m%d%H%M%S.%g') || chr(1) || s.file_path || chr(1) || r.submission_id)
           as submission_id
from fct_reported_value r
join contested_key c using (unit_code, period, year)
join dim_submission s using (submission_id)
group by r.unit_code, r.period, r.year, r.indicator_code;

update fct_reported_value
set is_current = true
from winner w
where fct_reported_value.unit_code = w.unit_code and fct_reported_value.period = w.period
  and fct_reported_value.year = w.year and fct_reported_value.indicator_code = w.indicator_code
  and fct_reported_value.submission_id = w.submission_id;
