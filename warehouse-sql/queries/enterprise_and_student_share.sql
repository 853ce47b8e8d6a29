-- Tỷ trọng người lao động doanh nghiệp ngoài nhà nước và học sinh, sinh viên trong số kết nạp / Share of non-state enterprise workers and of students among admissions
with categories as (
    select unit_code, year, through_month,
           sum(admitted_count) filter (where category = 'nonstate_enterprise_worker')::bigint            as enterprise_workers,
           sum(admitted_count) filter (where category in ('thpt_student', 'university_student'))::bigint as students
    from v_admission_by_category
    group by unit_code, year, through_month
)
select c.unit_code, c.year, c.through_month, a.admitted_count,
       c.enterprise_workers, round(100.0 * c.enterprise_workers / nullif(a.admitted_count, 0), 2) as enterprise_share_pct,
       c.students, round(100.0 * c.students / nullif(a.admitted_count, 0), 2) as student_share_pct
from categories c
join v_admission_attainment a using (unit_code, year, through_month)
order by c.unit_code, c.year;
