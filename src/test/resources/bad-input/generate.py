#!/usr/bin/env python3
"""Writes the bad-input corpus next to this script. BadInputCorpusTest holds what each file must give.

Run it again after changing a case: python3 src/test/resources/bad-input/generate.py
Text cases are UTF-8 with LF line ends unless the case is about something else.
"""
import os
import shutil
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
LONG = "unit_code,period,indicator,category,value,comment\n"
REGISTRY = "unit_code,unit_name,parent_code,level,unit_type,valid_from,valid_to,successor_code\n"


def write(path, data):
    target = os.path.join(HERE, path)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def nfd(text):
    return unicodedata.normalize("NFD", text)


for group in ("base", "file", "row", "registry-rows", "format"):
    shutil.rmtree(os.path.join(HERE, group), ignore_errors=True)

# --- the unit registry every case runs against -------------------------------------------------
write("base/registry.csv", REGISTRY + """\
HN,Thành ủy Hà Nội,,1,city,1930-03-17,,
HN.TX,Quận ủy Thanh Xuân,HN,2,urban_district,1997-01-01,2025-06-30,HN.P-TX
HN.P-TX,Đảng ủy phường Thanh Xuân,HN,3,ward,2025-07-01,,
HN.TX.THD,Chi bộ Trường THPT Trần Hưng Đạo,HN.TX,3,school_high,2010-09-01,2025-06-30,HN.P-TX.THD
HN.P-TX.THD,Chi bộ Trường THPT Trần Hưng Đạo,HN.P-TX,4,school_high,2025-07-01,,
""")

# --- whole files that are refused --------------------------------------------------------------
GOOD_ROW = "HN.TX,2024-05,admitted,total,7,Chi bộ đã họp\n"
write("file/empty.csv", b"")
write("file/whitespace-only.csv", b"  \r\n\n\t \n")
write("file/bom-only.csv", b"\xef\xbb\xbf")
write("file/bom-and-blank-lines.csv", b"\xef\xbb\xbf\r\n\r\n")
write("file/utf16-bom-and-spaces.csv", b"\xff\xfe" + " \r\n \r\n".encode("utf-16-le"))
write("file/header-only-long.csv", LONG)
write("file/header-only-form.csv", "Mã đơn vị;Kỳ báo cáo;Kết nạp đảng viên - Tổng số\r\n")
write("file/header-only-registry.csv", REGISTRY)
write("file/header-and-empty-rows.csv", LONG + ",,,,,\n\n,,,,,\n")
write("file/invalid-utf8.csv", LONG.encode() + b"HN.TX,2024-05,admitted,total,7,Chi b\xc3\x28 \xc4\x91\xc3\xa3 h\xe1\xbb\x8dp\n")
write("file/windows-1252.csv", (LONG + "HN.TX,2024-05,admitted,total,7,Ghi chú: báo cáo tháng\n").encode("cp1252"))
write("file/nul-bytes.csv", LONG.encode() + b"HN.TX,2024-05,admitted,total,7\x00,\n" + GOOD_ROW.encode())
write("file/xlsx-renamed.csv", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00b\xee\x9dh^\x01\x00\x00\x90\x04\x00\x00\x13\x00"
      b"\x08\x02[Content_Types].xml \xa2\x04\x02(\xa0\x00\x02\x00\x00\x00\x00\x00\x00")
write("file/utf16le-without-bom.csv", (LONG + GOOD_ROW).encode("utf-16-le"))
write("file/utf8-truncated.csv", LONG.encode() + b"HN.TX,2024-05,admitted,total,7,Chi b\xe1\xbb")
write("file/utf16le-odd-length.csv", b"\xff\xfe" + (LONG + GOOD_ROW).encode("utf-16-le") + b"\x0a")
write("file/utf16le-lone-surrogate.csv", b"\xff\xfe" + (LONG + "HN.TX,2024-05,admitted,total,7,").encode("utf-16-le")
      + b"\x00\xd8" + "a\r\n".encode("utf-16-le"))
write("file/utf8-overlong.csv", LONG.encode() + b"HN.TX,2024-05,admitted,total,7,\xc0\xaf\n")
write("file/utf8-encoded-surrogate.csv", LONG.encode() + b"HN.TX,2024-05,admitted,total,7,\xed\xa0\x80\n")
write("file/unknown-header.csv", "ma_dv,ky,chi_tieu,so_lieu\nHN.TX,2024-05,admitted,7\n")
write("file/single-column.csv", "unit_code\nHN.TX\n")
write("file/long-without-value-column.csv", "unit_code,period,indicator,category,comment\nHN.TX,2024-05,admitted,total,7\n")
write("file/title-row-before-header.csv", "BÁO CÁO KẾT NẠP ĐẢNG VIÊN THÁNG 5/2024\n" + LONG + GOOD_ROW)
write("file/form-first-columns-swapped.csv", "Kỳ báo cáo;Mã đơn vị;Kết nạp đảng viên\n2024-05;HN.TX;7\n")
write("file/tab-separated.csv", "unit_code\tperiod\tindicator\tcategory\tvalue\nHN.TX\t2024-05\tadmitted\ttotal\t7\n")
write("file/html-error-page.csv", "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>\n<body>502 Bad Gateway</body></html>\n")
write("file/unterminated-quote-in-header.csv", "\"unit_code,period,indicator,category,value,comment\n" + GOOD_ROW)
# over the 8,000-byte limit the test sets (memberstat.max-file-bytes); every other case is smaller
write("file/too-large.csv", LONG + "".join(
    "HN.TX,%d-%02d,admitted,total,%d,báo cáo tháng\n" % (2001 + i // 12, 1 + i % 12, i % 20) for i in range(240)))

# --- rows that are quarantined -----------------------------------------------------------------
write("row/unknown-unit.csv", LONG + """\
HN.TX,2024-05,admitted,total,7,
HN.TX.TDH,2024-05,admitted,total,2,gõ nhầm mã HN.TX.THD
,2024-05,admitted,total,3,thiếu mã đơn vị
""")
write("row/unit-not-active.csv", LONG + """\
HN.P-TX,2025-Q3,admitted,total,12,phường từ 1/7/2025
HN.P-TX,2024-05,admitted,total,4,phường chưa thành lập
HN.TX,2025-Q4,members,total,20800,quận đã kết thúc 30/6/2025
HN.TX.THD,2009,admitted,total,1,chi bộ thành lập 1/9/2010
HN.TX,2025-H1,admitted,total,118,còn hoạt động trong kỳ
""")
write("row/bad-period-backwards.csv", LONG + """\
HN.TX,2024-01..2024-04,admitted,total,72,
HN.TX,2024-04..2024-01,admitted,total,72,khoảng ngược
""")
write("row/bad-period-crosses-year.csv", LONG + """\
HN.TX,2023-11..2024-02,admitted,total,30,qua hai năm
HN.TX,2024-03,admitted,total,9,
""")
write("row/bad-period-month-13.csv", LONG + """\
HN.TX,2024-13,admitted,total,5,
HN.TX,2024-00,admitted,total,5,
HN.TX,2024-12,admitted,total,5,
""")
write("row/bad-period-other-forms.csv", LONG + """\
HN.TX,2024-Q5,admitted,total,5,
HN.TX,2024-H3,admitted,total,5,
HN.TX,05/2024,admitted,total,5,
HN.TX,,admitted,total,5,
HN.TX,1899,admitted,total,5,
HN.TX,2021-2025,admission_quota,total,900,nhiệm kỳ 4 năm
HN.TX,2024-01..2024-13,admitted,total,5,
HN.TX,tháng 5/2024,admitted,total,5,
HN.TX,2024-Q2,admitted,total,25,
""")
write("row/future-period.csv", LONG + """\
HN.P-TX,2026-06,admitted,total,3,tháng của ngày chạy
HN.P-TX,2026-07,admitted,total,3,
HN.P-TX,2026-Q3,members,total,21000,
HN.P-TX,2026-01..2026-07,admitted,total,20,
HN.P-TX,2026,admitted,total,40,
HN.P-TX,2027,admission_quota,total,220,chỉ tiêu giao trước
HN.P-TX,2030-2035,admission_quota,total,1100,nhiệm kỳ sau
""")
write("row/unknown-indicator.csv", LONG + """\
HN.TX,2024-05,admited,total,5,sai chính tả
HN.TX,2024-05,,total,5,
HN.TX,2024-05,Kết nạp đảng viên,total,5,nhãn tiếng Việt
HN.TX,2024-05,dang_vien_moi,total,5,
""")
write("row/unknown-category.csv", LONG + """\
HN.TX,2024-05,admitted,students,2,
HN.TX,2024-05,admitted,Học sinh THPT,2,nhãn tiếng Việt
HN.TX,2024-05,members,thpt_student,2,không phải loại của members
HN.TX,2024-05,awareness_classes,total,2,lớp học không có total
HN.TX,2024-05,admitted,,5,trống là total
""")
write("row/period-not-allowed-quota-month.csv", LONG + """\
HN.TX,2024-05,admission_quota,total,200,
HN.TX,2024-Q1,admission_quota,total,50,
HN.TX,2020-2025,admission_quota_rate,total,"1,5",tỷ lệ theo nhiệm kỳ
HN.TX,2024,admission_quota,total,209,
""")
write("row/period-not-allowed-flow-term.csv", LONG + """\
HN.TX,2020-2025,admitted,total,987,
HN.TX,2020-2025,members,total,20772,
HN.TX,2020-2025,admission_quota,total,987,
""")
write("row/bad-value-ambiguous-dot.csv", LONG + """\
HN.TX,2024-05,admitted,total,12.5,
HN.TX,2024,admission_quota_rate,total,1.25,tỷ lệ viết bằng dấu chấm
HN.TX,2024-04,members,total,20.772,
HN.TX,2024-04,branches,total,20.77,
HN.TX,2024-04,grassroots_orgs,total,1.2345,
""")
write("row/bad-value-overflow.csv", LONG + """\
HN.TX,2024-05,admitted,total,99999999999999999999999,
HN.TX,2024-05,deceased,total,1.000.000.001,
HN.TX,2024-05,reviewed,total,1.000.000.000,đúng giới hạn
HN.TX,2024,admission_quota_rate,total,"100,5",
""")
write("row/bad-value-negative.csv", LONG + """\
HN.TX,2024-05,removed,total,-3,
HN.TX,2024-05,transferred_out,total,\u22122,dấu trừ Unicode
HN.TX,2024,admission_quota_rate,total,"-1,5",
HN.TX,2024-05,deceased,total,0,
""")
write("row/bad-value-fraction-count.csv", LONG + """\
HN.TX,2024-05,admitted,total,"3,5",
HN.TX,2024-05,made_official,total,"1.234,5",
HN.TX,2024-05,members,total,"20.772,0",phần lẻ bằng 0
HN.TX,2024,admission_quota_rate,total,"3,25",tỷ lệ có phần lẻ
HN.TX,2024-05,badges,total,4%,
""")
write("row/bad-value-not-a-number.csv", LONG + """\
HN.TX,2024-05,admitted,total,,
HN.TX,2024-05,removed,total,mười,
HN.TX,2024-05,deceased,total,N/A,
HN.TX,2024-05,transferred_in,total,12 người,
HN.TX,2024-05,badges,total,1e3,
HN.TX,2024-05,reviewed,total,20 772,
HN.TX,2024-05,new_member_classes,classes,2,
""")
write("row/conflicting-duplicate.csv", LONG + """\
HN.TX,2024-05,admitted,total,7,
HN.TX,2024-05,admitted,total,9,gửi lại số khác
HN.TX,2024-01..2024-03,admitted,,40,
HN.TX,2024-Q1,admitted,total,41,cùng kỳ viết cách khác
HN.TX,2024-05,members,total,20772,
""")
write("row/identical-repeat.csv", LONG + """\
HN.TX,2024-05,admitted,total,7,
HN.TX,2024-05,admitted,total,7,
HN.TX,2024-05,members,total,20.772,
HN.TX,2024-05,members,,20772,cùng số viết cách khác
HN.TX,2024-05,members,probationary,300,
""")
write("row/unterminated-quote.csv", LONG + """\
HN.TX,2024-05,admitted,total,7,
HN.TX,2024-05,removed,total,1,"khai trừ 1 đảng viên
HN.TX,2024-05,deceased,total,2,
HN.TX,2024-05,transferred_in,total,3,
""")
write("row/text-after-closing-quote.csv", LONG + """\
HN.TX,2024-05,admitted,total,7,
HN.TX,2024-05,removed,total,"1"0,
HN.TX,2024-05,deceased,total,2,"ghi chú ""trích dẫn"" đúng cách"
HN.TX,2024-05,transferred_in,total,3,Chi bộ "Tổ 12" chuyển đến
""")
write("row/unquoted-decimal-comma.csv", """\
unit_code,period,indicator,category,value
HN.TX,2024,admission_quota_rate,total,1,25
HN.TX,2024-05,admitted,total,7,,
HN.TX,2024-05,removed,total,1
""")
write("row/missing-fields.csv", LONG + """\
HN.TX,2024-05,admitted
HN.TX,2024-05
HN.TX,2024-05,admitted,total,7
""")
write("row/form-unknown-columns.csv", """\
Mã đơn vị;Kỳ báo cáo;Kết nạp đảng viên - Tổng số;Kết nạp đảng viên - Học sinh THCS;Số đảng viên dự bị;Tổng số đảng viên;Ghi chú
HN.TX;2024-05;7;1;300;20.772;
HN.TX;2024-06;8;;;20.780;cột lạ để trống
""")
write("row/form-cells-without-header.csv", """\
Mã đơn vị;Kỳ báo cáo;Kết nạp đảng viên
HN.TX;2024-07;6;99
""")
write("row/form-bad-cells.csv", """\
Mã đơn vị;Kỳ báo cáo;Kết nạp đảng viên;Đưa ra khỏi Đảng - Khai trừ;Tổng số đảng viên
HN.TX;2024-13;6;1;20.772
HN.TX;2024-08;12.5;1;20.790
HN.TX.TDH;2024-08;1;;
""")
write("row/form-conflicting-columns.csv", """\
Mã đơn vị;Kỳ báo cáo;Kết nạp đảng viên;Kết nạp đảng viên - Tổng số;Kết nạp đảng viên - Nữ
HN.TX;2024-09;10;12;4
HN.TX;2024-10;11;11;5
""")

# --- registry rows that cannot be used -----------------------------------------------------------
write("registry-rows/bad-code.csv", REGISTRY + """\
HN.BC1,Chi bộ mã đúng,HN,2,agency,2020-01-01,,
HN BC2,Chi bộ mã có dấu cách,HN,2,agency,2020-01-01,,
HN.BÀ,Chi bộ mã có dấu,HN,2,agency,2020-01-01,,
,Chi bộ không có mã,HN,2,agency,2020-01-01,,
HN.%s,Mã dài 65 ký tự,HN,2,agency,2020-01-01,,
""" % ("A" * 62))
write("registry-rows/bad-date.csv", REGISTRY + """\
HN.BD1,Đơn vị ngày đúng,HN,2,agency,2020-01-01,,
HN.BD2,Ngày không tồn tại,HN,2,agency,2024-02-30,,
HN.BD3,Ngày viết kiểu Việt Nam,HN,2,agency,01/01/2020,,
HN.BD4,Thiếu ngày bắt đầu,HN,2,agency,,,
HN.BD5,Tháng 13,HN,2,agency,2020-01-01,2025-13-01,
""")
write("registry-rows/valid-to-before-valid-from.csv", REGISTRY + """\
HN.VT1,Hiệu lực đúng,HN,2,agency,2020-01-01,2024-12-31,
HN.VT2,Kết thúc trước khi bắt đầu,HN,2,agency,2024-03-01,2023-02-28,
HN.VT3,Hiệu lực một ngày,HN,2,agency,2024-03-01,2024-03-01,
""")
write("registry-rows/overlap.csv", REGISTRY + """\
HN.OV1,Tên cũ,HN,2,agency,2010-01-01,2020-12-31,
HN.OV1,Tên mới,HN,2,agency,2021-01-01,,
HN.OV2,Tên cũ,HN,2,agency,2010-01-01,2020-12-31,
HN.OV2,Tên mới chồng lấn,HN,2,agency,2020-06-01,,
HN.TX,Quận ủy Thanh Xuân,HN,2,urban_district,2000-01-01,2025-06-30,
""")
write("registry-rows/same-code-and-start.csv", REGISTRY + """\
HN.SS1,Tên thứ nhất,HN,2,agency,2015-01-01,,
HN.SS1,Tên thứ hai,HN,2,agency,2015-01-01,,
HN.SS2,Dòng lặp lại y hệt,HN,2,agency,2015-01-01,,
HN.SS2,Dòng lặp lại y hệt,HN,2,agency,2015-01-01,,
""")
write("registry-rows/unknown-parent.csv", REGISTRY + """\
HN.UP1,Có cấp trên,HN,2,agency,2015-01-01,,
HN.DD.KL,Chi bộ Trường THPT Kim Liên,HN.DD,3,school_high,2010-09-01,,
HN.UP2,Cấp 2 không có cấp trên,,2,agency,2015-01-01,,
HN.UP3,Cấp trên là chính nó,HN.UP3,2,agency,2015-01-01,,
HN.UP1.A,Cấp trên cùng cấp,HN.UP1,2,agency,2015-01-01,,
HN.DD.KL.A,Chi bộ dưới đơn vị bị loại,HN.DD.KL,4,agency,2015-01-01,,
""")
write("registry-rows/inactive-parent.csv", REGISTRY + """\
HN.IP1,Mở khi quận còn hoạt động,HN.TX,3,agency,2020-01-01,2025-06-30,
HN.IP2,Mở sau khi quận kết thúc,HN.TX,3,agency,2025-08-01,,
HN.IP3,Mở trước khi phường thành lập,HN.P-TX,4,agency,2024-01-01,,
""")
write("registry-rows/bad-level-type-name.csv", REGISTRY + """\
HN.BL1,Cấp hợp lệ,HN,2,agency,2015-01-01,,
HN.BL2,Cấp 5,HN,5,agency,2015-01-01,,
HN.BL3,Cấp viết bằng chữ,HN,hai,agency,2015-01-01,,
HN.BL4,Loại đơn vị không có,HN,2,spaceport,2015-01-01,,
HN.BL5,,HN,2,agency,2015-01-01,,
""")

# --- awkward formats that must be read, with a bad row where line numbers are worth checking -----
write("format/bom-utf8.csv", b"\xef\xbb\xbf" + (LONG + """\
HN.TX,2023,admitted,total,213,Báo cáo năm
HN.TX,2023,admitted,thpt_student,6,
""").encode())
write("format/double-bom.csv", b"\xef\xbb\xbf\xef\xbb\xbf" + (LONG + """\
HN.TX,2023,removed,total,12,mark written twice
""").encode())
write("format/utf16le-bom.csv", b"\xff\xfe" + (LONG + """\
HN.TX,2022,admitted,total,210,Xuất từ Excel (UTF-16)
HN.TX,2022,admitted,women,120,
HN.TX.TDH,2022,admitted,total,1,
""").replace("\n", "\r\n").encode("utf-16-le"))
write("format/utf16be-bom.csv", b"\xfe\xff" + (LONG + """\
HN.TX,2021,admitted,total,213,Đảng bộ quận
""").encode("utf-16-be"))
write("format/semicolon-decimal-comma.csv", """\
unit_code;period;indicator;category;value;comment
HN.TX;2024;admission_quota_rate;total;1,25;tỷ lệ
HN.TX;2024-04;members;total;20.772;"ghi chú; có dấu chấm phẩy"
""")
write("format/nfd-long.csv", nfd(LONG + """\
HN.TX.THD,2024-05,Kết nạp đảng viên,Học sinh THPT,2,Chi bộ Trường THPT Trần Hưng Đạo
"""))
write("format/nfd-form.csv", nfd("""\
Mã đơn vị;Kỳ báo cáo;Kết nạp đảng viên - Tổng số;Kết nạp đảng viên - Đoàn viên;Ghi chú
HN.TX.THD;2024-06;3;2;Đã kết nạp
"""))
write("format/form-without-diacritics.csv", """\
Ma don vi;Ky bao cao;Ket nap dang vien - Tong so;Ket nap dang vien - Hoc sinh THPT;Tong so dang vien - Tong so;Ghi chu
HN.TX.THD;2024-06;5;4;45;
""")
write("format/form-case-spaces-dashes.csv", """\
"  MÃ ĐƠN VỊ ";kỳ báo cáo;KẾT NẠP ĐẢNG VIÊN \u2013 HỌC SINH THPT;Kết nạp   đảng viên;Đưa ra khỏi Đảng \u2014 Xóa tên;Kết nạp đảng viên\u00a0-\u00a0Nữ
HN.TX.THD;2024-07;1;1;1;1
""")
write("format/lf-line-endings.csv", LONG + """\
HN.TX,2024-06,admitted,total,24,
HN.TX.TDH,2024-06,admitted,total,1,sai mã
HN.TX,2024-06,removed,total,1,
""")
write("format/crlf-line-endings.csv", (LONG + """\
HN.TX,2024-07,admitted,total,24,
HN.TX.TDH,2024-07,admitted,total,1,sai mã
HN.TX,2024-07,removed,total,1,
""").replace("\n", "\r\n"))
write("format/cr-line-endings.csv", (LONG + """\
HN.TX,2024-08,admitted,total,24,
HN.TX.TDH,2024-08,admitted,total,1,sai mã
HN.TX,2024-08,removed,total,1,
""").replace("\n", "\r"))
write("format/mixed-line-endings.csv", LONG.replace("\n", "\r\n") + "HN.TX,2024-09,admitted,total,24,\n"
      + "HN.TX,2024-09,removed,total,1,\r" + "HN.TX.TDH,2024-09,admitted,total,1,sai mã\r\n" + "HN.TX,2024-09,deceased,total,2,\n")
write("format/no-final-newline.csv", LONG + "HN.TX,2024-10,admitted,total,24,\nHN.TX,2024-10,removed,total,1,")
write("format/multiline-comment.csv", LONG + """\
HN.TX,2024-11,admitted,total,24,"Chi bộ đã họp,\r
xét và đề nghị kết nạp
24 quần chúng"
HN.TX,2024-11,removed,total,1,
HN.TX.TDH,2024-11,admitted,total,1,sai mã
HN.TX,2024-11,deceased,total,2,
""")
write("format/blank-lines.csv", LONG + """\

HN.TX,2024-12,admitted,total,24,

,,,,,
HN.TX.TDH,2024-12,admitted,total,1,sai mã

HN.TX,2024-12,removed,total,1,
""")
write("format/grouped-numbers.csv", LONG + """\
HN.TX,2023,members,total,20.688,
HN.TX,2023,badges,total,446,
HN.TX,2023,reviewed,total,1.234.567,
HN.TX,2023,admission_quota_rate,total,"1,0",
HN.TX,2023,members,official,"20.100",
""")
write("format/columns-reordered.csv", """\
Value,Indicator,Unit Code,PERIOD,ghi_chu_noi_bo,Category
7,admitted,HN.TX,2024-05,không đọc cột này,thpt_student
12,Tổng số đảng viên,HN.TX,2024-05,,Chính thức
""")
write("format/quoted-everything.csv", """\
"unit_code","period","indicator","category","value","comment"
"HN.TX","2024-05","admitted","women","3",""
"HN.TX","2024-05","removed","struck_off","1","Xóa tên, không sinh hoạt"
""")
