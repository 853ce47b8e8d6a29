-- attainment_pct(admitted, quota): admissions as a percentage of the quota, 2 decimals; NULL without a quota
-- (or a quota of 0). The attainment and roll-up views' one rule.

create or replace macro attainment_pct(admitted, quota) as
round(100.0 * admitted / nullif(quota, 0), 2)::decimal(12, 2);
