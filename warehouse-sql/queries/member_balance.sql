-- Cân đối số đảng viên đầu kỳ, biến động và cuối kỳ / Members at the start, the flows, and members at the end
select unit_code, year, through_month, members_at_start, admitted, transferred_in, removed, deceased, transferred_out,
       members_at_end_expected, members_at_end, gap
from v_member_balance
where gap is not null
order by unit_code, year;
