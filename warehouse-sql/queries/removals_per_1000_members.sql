-- Số đảng viên bị đưa ra khỏi Đảng theo lý do, trên 1.000 đảng viên / Removals by reason per 1,000 members
select unit_code, year, reason, removed_count, members_at_start, removed_per_1000_members
from v_screening_by_year
where members_at_start is not null
order by unit_code, year, reason;
