package vn.memberstat.generate;

import java.time.LocalDate;
import java.util.List;

/**
 * The 63 provinces and centrally-run cities before 1/7/2025 and the 34 they became: 11 carried on
 * unchanged, 52 merged into 23 (Resolution 202/2025/QH15). Listed merger group by merger group, the
 * province that kept its code first, so the first N always include the successor of every merged one;
 * the group Phú Thọ, Vĩnh Phúc, Hòa Bình comes first so that even two provinces show a merger.
 */
public final class Provinces {
    private static final LocalDate Y1997 = LocalDate.of(1997, 1, 1);
    private static final LocalDate Y2004 = LocalDate.of(2004, 1, 1);
    private static final LocalDate Y2008 = LocalDate.of(2008, 8, 1);

    public static final List<Province> ALL = List.of(
            p("PT", "Phú Thọ", false, null, Y1997, 0.15, 0.02),
            p("VP", "Vĩnh Phúc", false, "PT", Y1997, 0.03, 0.03),
            p("HB", "Hòa Bình", false, "PT", Y1997, 0.73, 0.01),
            c("HN", "Hà Nội", null, Y2008, 0.02, 0.03),
            c("HCM", "Hồ Chí Minh", null, Y1997, 0.06, 0.08),
            p("BD", "Bình Dương", false, "HCM", Y1997, 0.03, 0.06),
            p("BRVT", "Bà Rịa - Vũng Tàu", false, "HCM", Y1997, 0.03, 0.10),
            c("HP", "Hải Phòng", null, Y1997, 0.01, 0.04),
            p("HD", "Hải Dương", false, "HP", Y1997, 0.01, 0.03),
            c("DNG", "Đà Nẵng", null, Y1997, 0.01, 0.04),
            p("QNA", "Quảng Nam", false, "DNG", Y1997, 0.09, 0.03),
            c("CT", "Cần Thơ", null, Y2004, 0.03, 0.05),
            p("ST", "Sóc Trăng", false, "CT", Y1997, 0.35, 0.06),
            p("HG", "Hậu Giang", false, "CT", Y2004, 0.04, 0.04),
            c("HUE", "Huế", null, Y1997, 0.03, 0.05),
            p("TQ", "Tuyên Quang", false, null, Y1997, 0.55, 0.01),
            p("HGI", "Hà Giang", false, "TQ", Y1997, 0.88, 0.02),
            p("LCI", "Lào Cai", false, null, Y1997, 0.65, 0.02),
            p("YB", "Yên Bái", false, "LCI", Y1997, 0.50, 0.02),
            p("TN", "Thái Nguyên", false, null, Y1997, 0.28, 0.02),
            p("BK", "Bắc Kạn", false, "TN", Y1997, 0.88, 0.01),
            p("BN", "Bắc Ninh", false, null, Y1997, 0.01, 0.03),
            p("BG", "Bắc Giang", false, "BN", Y1997, 0.12, 0.03),
            p("HY", "Hưng Yên", false, null, Y1997, 0.01, 0.04),
            p("TB", "Thái Bình", false, "HY", Y1997, 0.01, 0.08),
            p("NB", "Ninh Bình", false, null, Y1997, 0.02, 0.12),
            p("HNA", "Hà Nam", false, "NB", Y1997, 0.01, 0.06),
            p("ND", "Nam Định", false, "NB", Y1997, 0.01, 0.15),
            p("QT", "Quảng Trị", false, null, Y1997, 0.11, 0.05),
            p("QB", "Quảng Bình", false, "QT", Y1997, 0.02, 0.06),
            p("QNG", "Quảng Ngãi", false, null, Y1997, 0.13, 0.02),
            p("KT", "Kon Tum", false, "QNG", Y1997, 0.54, 0.10),
            p("GL", "Gia Lai", false, null, Y1997, 0.46, 0.08),
            p("BDI", "Bình Định", false, "GL", Y1997, 0.02, 0.03),
            p("KH", "Khánh Hòa", false, null, Y1997, 0.06, 0.04),
            p("NT", "Ninh Thuận", false, "KH", Y1997, 0.22, 0.07),
            p("LD", "Lâm Đồng", false, null, Y1997, 0.24, 0.12),
            p("DNO", "Đắk Nông", false, "LD", Y2004, 0.32, 0.08),
            p("BTH", "Bình Thuận", false, "LD", Y1997, 0.05, 0.06),
            p("DL", "Đắk Lắk", false, null, Y2004, 0.35, 0.10),
            p("PY", "Phú Yên", false, "DL", Y1997, 0.06, 0.03),
            p("DNA", "Đồng Nai", false, null, Y1997, 0.06, 0.12),
            p("BP", "Bình Phước", false, "DNA", Y1997, 0.18, 0.06),
            p("TNI", "Tây Ninh", false, null, Y1997, 0.02, 0.08),
            p("LA", "Long An", false, "TNI", Y1997, 0.01, 0.03),
            p("VL", "Vĩnh Long", false, null, Y1997, 0.03, 0.04),
            p("BTR", "Bến Tre", false, "VL", Y1997, 0.01, 0.04),
            p("TV", "Trà Vinh", false, "VL", Y1997, 0.32, 0.06),
            p("DT", "Đồng Tháp", false, null, Y1997, 0.01, 0.04),
            p("TG", "Tiền Giang", false, "DT", Y1997, 0.01, 0.03),
            p("CM", "Cà Mau", false, null, Y1997, 0.03, 0.03),
            p("BL", "Bạc Liêu", false, "CM", Y1997, 0.10, 0.04),
            p("AG", "An Giang", false, null, Y1997, 0.06, 0.10),
            p("KG", "Kiên Giang", false, "AG", Y1997, 0.13, 0.04),
            p("LCH", "Lai Châu", false, null, Y2004, 0.85, 0.03),
            p("DB", "Điện Biên", false, null, Y2004, 0.82, 0.03),
            p("SL", "Sơn La", false, null, Y1997, 0.83, 0.01),
            p("LS", "Lạng Sơn", false, null, Y1997, 0.83, 0.01),
            p("CB", "Cao Bằng", false, null, Y1997, 0.95, 0.01),
            p("QN", "Quảng Ninh", false, null, Y1997, 0.12, 0.02),
            p("TH", "Thanh Hóa", false, null, Y1997, 0.16, 0.03),
            p("NA", "Nghệ An", false, null, Y1997, 0.15, 0.04),
            p("HT", "Hà Tĩnh", false, null, Y1997, 0.01, 0.05));

    private Provinces() {}

    /** The first {@code n} provinces of the list (1 to 63). */
    public static List<Province> first(int n) {
        if (n < 1 || n > ALL.size()) {
            throw new IllegalArgumentException("provinces must be 1 to " + ALL.size() + ", not " + n);
        }
        return ALL.subList(0, n);
    }

    private static Province p(String code, String name, boolean city, String successor, LocalDate from, double ethnic,
            double religious) {
        return new Province(code, name, city, successor, from, ethnic, religious);
    }

    private static Province c(String code, String name, String successor, LocalDate from, double ethnic, double religious) {
        return new Province(code, name, true, successor, from, ethnic, religious);
    }
}
