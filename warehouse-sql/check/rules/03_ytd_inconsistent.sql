-- YTD_INCONSISTENT: the exact period and the tilings disagree
insert into new_finding
select 'YTD_INCONSISTENT', unit_code, year, year::varchar || '-01..' || year::varchar || '-' || lpad(through_month::varchar, 2, '0'),
       indicator_code, category_code,
       'January-' || through_month || ': reported periods give values from ' || min_value::bigint || ' to ' || max_value::bigint
       || case when is_exact then '; the exact period''s ' || ytd_value::bigint || ' is used'
               else '; the lowest is used' end
from fct_flow_ytd
join check_scope using (unit_code, year)
where candidate_count > 1
  and year between getvariable('check_first_year') and getvariable('check_last_year')
  and in_bucket(unit_code);
