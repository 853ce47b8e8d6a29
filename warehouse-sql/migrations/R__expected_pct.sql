-- expected_pct(through_month): where a unit on a steady pace would be by through_month, as a percentage of the
-- year's quota, 2 decimals. is_on_track compares attainment_pct with it.

create or replace macro expected_pct(through_month) as
round(100.0 * through_month / 12, 2)::decimal(12, 2);
