package vn.memberstat.generate;

import java.util.List;
import java.util.SplittableRandom;

/** Plausible Vietnamese place, school and enterprise names, with diacritics, picked by a seeded random source. */
final class VietnameseNames {
    private static final List<String> FIRST = List.of("An", "Bình", "Cẩm", "Đông", "Gia", "Hòa", "Hưng", "Kim", "Long",
            "Minh", "Nam", "Phú", "Quang", "Tân", "Thạch", "Thanh", "Thuận", "Tiên", "Trung", "Vĩnh", "Xuân", "Yên", "Đại",
            "Hải", "Lạc", "Mỹ", "Ngọc", "Phước", "Quế", "Sơn", "Định", "Hồng", "Lam", "Đức", "Cao", "Bảo");
    private static final List<String> SECOND = List.of("An", "Bình", "Châu", "Điền", "Đức", "Hà", "Hòa", "Hưng", "Lâm",
            "Lộc", "Lợi", "Long", "Minh", "Nghĩa", "Phong", "Phú", "Sơn", "Thành", "Thịnh", "Thủy", "Tiến", "Trạch", "Trung",
            "Tường", "Văn", "Xuân", "Yên", "Định", "Hải", "Quang", "Khê", "Lạc", "Mỹ", "Ninh", "Phúc", "Tân");
    private static final List<String> BRAND = List.of("Phát", "Thịnh", "An", "Hưng", "Long", "Thành", "Lợi", "Tín", "Đạt",
            "Việt", "Phúc", "Khang");
    private static final List<String> PEOPLE = List.of("Trần Hưng Đạo", "Nguyễn Trãi", "Lê Quý Đôn", "Chu Văn An",
            "Nguyễn Du", "Lê Lợi", "Quang Trung", "Phan Bội Châu", "Nguyễn Huệ", "Lý Thường Kiệt", "Hùng Vương",
            "Nguyễn Bỉnh Khiêm", "Trần Phú", "Võ Thị Sáu", "Nguyễn Thị Minh Khai", "Phan Đình Phùng", "Ngô Quyền",
            "Lê Hồng Phong", "Hoàng Văn Thụ", "Tô Hiến Thành", "Đinh Tiên Hoàng", "Lương Thế Vinh", "Trần Quốc Tuấn",
            "Nguyễn Văn Cừ");
    private static final List<String> TRADES = List.of("Thương mại", "Xây dựng", "Dệt may", "May mặc", "Cơ khí",
            "Vận tải", "Du lịch", "Thực phẩm", "Vật liệu xây dựng", "Đầu tư", "Dược phẩm", "Nhựa", "Điện tử",
            "Chế biến gỗ", "Thủy sản", "Nông sản", "Công nghệ", "Giày da");
    private static final List<String> STATE_ENTERPRISES = List.of("Công ty TNHH MTV Xổ số kiến thiết",
            "Công ty TNHH MTV Khai thác công trình thủy lợi", "Công ty TNHH MTV Lâm nghiệp", "Công ty Cổ phần Cấp nước",
            "Công ty Điện lực", "Công ty TNHH MTV Môi trường đô thị", "Công ty Cổ phần Cảng", "Chi nhánh Ngân hàng Nông nghiệp",
            "Công ty Cổ phần Xây lắp điện", "Công ty TNHH MTV Đường bộ");
    private static final List<String> DISTRICT_AGENCIES = List.of("Đảng bộ Cơ quan Ủy ban nhân dân", "Chi bộ Phòng Tài chính - Kế hoạch",
            "Chi bộ Phòng Giáo dục và Đào tạo", "Chi bộ Phòng Nội vụ", "Chi bộ Phòng Tài nguyên và Môi trường",
            "Chi bộ Phòng Nông nghiệp và Phát triển nông thôn", "Chi bộ Văn phòng Cấp ủy", "Chi bộ Chi cục Thuế",
            "Chi bộ Kho bạc Nhà nước", "Chi bộ Tòa án nhân dân", "Chi bộ Viện Kiểm sát nhân dân",
            "Chi bộ Chi cục Thi hành án dân sự", "Chi bộ Ngân hàng Chính sách xã hội", "Chi bộ Bảo hiểm xã hội",
            "Chi bộ Phòng Văn hóa và Thông tin", "Chi bộ Phòng Lao động - Thương binh và Xã hội");
    private static final List<String> PROVINCE_AGENCIES = List.of("Đảng bộ Sở Y tế", "Đảng bộ Sở Giáo dục và Đào tạo",
            "Chi bộ Sở Tài chính", "Chi bộ Sở Tư pháp", "Chi bộ Sở Kế hoạch và Đầu tư", "Đảng bộ Sở Nông nghiệp và Môi trường",
            "Chi bộ Sở Xây dựng", "Chi bộ Sở Công Thương", "Chi bộ Sở Nội vụ", "Chi bộ Sở Văn hóa, Thể thao và Du lịch",
            "Chi bộ Sở Khoa học và Công nghệ", "Chi bộ Thanh tra tỉnh", "Đảng bộ Cục Thuế", "Chi bộ Kho bạc Nhà nước khu vực",
            "Đảng bộ Văn phòng Ủy ban nhân dân", "Chi bộ Ban Dân tộc");
    private static final List<String> PUBLIC_SERVICES = List.of("Chi bộ Trung tâm Y tế", "Đảng bộ Bệnh viện Đa khoa",
            "Chi bộ Trung tâm Văn hóa - Thể thao", "Chi bộ Ban Quản lý dự án đầu tư xây dựng",
            "Chi bộ Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên", "Chi bộ Trung tâm Chính trị",
            "Chi bộ Trạm Khuyến nông", "Chi bộ Ban Quản lý chợ");
    private static final List<String> COLLEGE_FIELDS = List.of("Y tế", "Sư phạm", "Kỹ thuật Công nghiệp", "Nghề",
            "Kinh tế - Kỹ thuật", "Nông Lâm", "Văn hóa Nghệ thuật");
    private static final List<String> UNIVERSITY_FIELDS = List.of("Sư phạm", "Y Dược", "Kinh tế", "Nông Lâm",
            "Kỹ thuật Công nghiệp", "Công nghệ Thông tin", "Khoa học", "Hàng hải", "Thủy lợi");
    private static final List<String> SCHOOL_LEVELS = List.of("Trường THCS", "Trường Tiểu học", "Trường Mầm non",
            "Trường THCS và THPT");

    private VietnameseNames() {}

    static String place(SplittableRandom rng) {
        String first = pick(rng, FIRST);
        String second = pick(rng, SECOND);
        return first.equals(second) ? first + " " + pick(rng, BRAND) : first + " " + second;
    }

    /**
     * The name of a grassroots organisation of {@code kind}. {@code area} is where it is, as written
     * inside a name ("huyện Yên Lạc", "tỉnh Lào Cai"); {@code place} is its own locality.
     */
    static String grassroots(SplittableRandom rng, GrassrootsKind kind, String area, String place, boolean provinceLevel) {
        return switch (kind) {
            case COMMUNE -> "Đảng bộ xã " + place;
            case WARD -> "Đảng bộ phường " + place;
            case TOWNSHIP -> "Đảng bộ thị trấn " + place;
            case SCHOOL_HIGH -> "Chi bộ Trường THPT " + pick(rng, PEOPLE);
            case SCHOOL -> "Chi bộ " + pick(rng, SCHOOL_LEVELS) + " " + place;
            case COLLEGE -> "Đảng bộ Trường Cao đẳng " + pick(rng, COLLEGE_FIELDS) + " " + area;
            case UNIVERSITY -> "Đảng bộ Trường Đại học " + pick(rng, UNIVERSITY_FIELDS) + " " + area;
            case AGENCY -> pick(rng, provinceLevel ? PROVINCE_AGENCIES : DISTRICT_AGENCIES) + " " + area;
            case PUBLIC_SERVICE -> pick(rng, PUBLIC_SERVICES) + " " + area;
            case ENTERPRISE_STATE -> (rng.nextInt(3) == 0 ? "Đảng bộ " : "Chi bộ ") + pick(rng, STATE_ENTERPRISES) + " " + area;
            case ENTERPRISE_NONSTATE -> "Chi bộ Công ty " + (rng.nextBoolean() ? "TNHH " : "Cổ phần ") + pick(rng, TRADES) + " "
                    + pick(rng, FIRST) + " " + pick(rng, BRAND);
            case POLICE -> switch (rng.nextInt(4)) {
                case 0 -> "Đảng bộ Công an " + area;
                case 1 -> "Chi bộ Đội Cảnh sát giao thông - Trật tự " + area;
                case 2 -> "Chi bộ Đội Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ khu vực " + place;
                default -> "Chi bộ Công an xã " + place;
            };
            case MILITARY -> switch (rng.nextInt(3)) {
                case 0 -> "Đảng bộ Quân sự " + area;
                case 1 -> "Chi bộ Ban Chỉ huy Quân sự xã " + place;
                default -> "Đảng bộ Đồn Biên phòng " + place;
            };
        };
    }

    private static String pick(SplittableRandom rng, List<String> names) {
        return names.get(rng.nextInt(names.size()));
    }
}
