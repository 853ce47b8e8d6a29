-- The run was normalised by a version that did not write the retried rows' reasons: no reasons to change.

create or replace temp table stage_retried_reason (quarantine_key bigint, reason_code varchar, detail varchar);
