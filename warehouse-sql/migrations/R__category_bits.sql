-- category_bits(): the catalogue's (indicator, category) pairs as bits of a mask, 63 to a 64-bit word. Counting a
-- group's rows against the bit_count of its pairs' bit_or finds the groups that repeat a key (or hold a pair the
-- catalogue lacks, which sets no bit) without grouping every key: the load's repeated keys and the key checks.

create or replace macro category_bits() as table
select indicator_code, category_code, pair // 63 as word, 1::bigint << (pair % 63) as bit
from (select indicator_code, category_code, row_number() over (order by indicator_code, category_code) - 1 as pair
      from dim_category);
