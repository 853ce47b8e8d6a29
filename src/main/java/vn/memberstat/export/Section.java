package vn.memberstat.export;

import java.util.List;

/**
 * The export's sections in their order: each a view of {@code warehouse-sql/migrations} (one row per unit, or per unit
 * and a key such as the category), its file suffix and its titles. The figures are the view's columns.
 */
public enum Section {
    ADMISSIONS("admissions", "v_yearly_admissions", "Kết nạp", "Admissions", List.of()) {
        @Override
        public String restatedView() {
            return "v_yearly_admissions_restated";   // v_admission_rollup's restated hierarchy, figure for figure
        }
    },
    ADMISSIONS_BY_CATEGORY("admissions_by_category", "v_yearly_admissions_by_category", "Kết nạp theo đối tượng",
            "Admissions by category", List.of("category")),
    ADMISSIONS_BY_MONTH("admissions_by_month", "v_yearly_admissions_by_month", "Kết nạp theo tháng", "Admissions by month",
            List.of("month")),
    MADE_OFFICIAL("made_official", "v_yearly_made_official", "Chuyển chính thức", "Made official", List.of()),
    TRAINING("training", "v_yearly_training", "Bồi dưỡng", "Training", List.of()),
    SCREENING("screening", "v_yearly_screening", "Rà soát, sàng lọc", "Screening", List.of()),
    MEMBERS("members", "v_yearly_members", "Đảng viên", "Members", List.of()),
    BADGES("badges", "v_yearly_badges", "Huy hiệu Đảng", "Badges", List.of()),
    COMPLETENESS("completeness", "v_yearly_completeness", "Báo cáo đầy đủ", "Completeness", List.of()) {
        @Override
        public String restatedView() {
            return null;   // reports were expected of the units as they were
        }
    },
    DATA_QUALITY("data_quality", "v_yearly_data_quality", "Chất lượng dữ liệu", "Data quality", List.of()) {
        @Override
        public String restatedView() {
            return null;   // findings and quarantined rows belong to the units that sent them
        }
    };

    private final String key;
    private final String view;
    private final String titleVi;
    private final String titleEn;
    private final List<String> rowKey;

    Section(String key, String view, String titleVi, String titleEn, List<String> rowKey) {
        this.key = key;
        this.view = view;
        this.titleVi = titleVi;
        this.titleEn = titleEn;
        this.rowKey = rowKey;
    }

    /** The name in file names ({@code memberstat-2024-admissions.csv}) and, in English, the sheet's name. */
    public String key() {
        return key;
    }

    public String view() {
        return view;
    }

    /**
     * The view of a restated export ({@code --restated}): the same view read over the restated roll-up
     * (v_summary_restated_unit_rollup), or a restated view of its own; {@code null} where the section stays as it was.
     */
    public String restatedView() {
        return view;
    }

    public String title(Language language) {
        return language == Language.VI ? titleVi : titleEn;
    }

    /** The columns that, after the unit, tell a section's rows apart. */
    public List<String> rowKey() {
        return rowKey;
    }
}
