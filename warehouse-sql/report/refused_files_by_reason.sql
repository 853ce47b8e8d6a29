-- The files a run refused, by reason, for its report.
select refused_reason, count(*) as files
from dim_submission
where run_id = ? and refused_reason is not null
group by refused_reason
order by refused_reason;
