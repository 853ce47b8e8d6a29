-- Each file taken once: the identifiers and SHA-256 hashes of the run's files recorded more than once, none when
-- the load is sound (every file of the run recorded once, and no earlier run took the same bytes). dim_submission
-- has no index to say so (V4).

select 'submission ' || submission_id, count(*) from dim_submission semi join stage_file using (submission_id)
group by submission_id having count(*) > 1
union all
select 'SHA-256 ' || sha256, count(*) from dim_submission semi join stage_file using (sha256)
group by sha256 having count(*) > 1
order by 1
limit 10;
