package vn.memberstat.generate;

/** How a unit's spreadsheet tool writes its monthly file. */
enum SubmissionStyle {
    /** The long layout, comma separated, plain numbers, categories always written. */
    LONG_COMMA(','),
    /** The long layout as a Vietnamese-locale export: semicolons, {@code 1.234} thousands, empty category for a total. */
    LONG_SEMICOLON(';'),
    /** The report form: one row per period, one column per indicator and category, Vietnamese labels. */
    REPORT_FORM(';');

    private final char separator;

    SubmissionStyle(char separator) {
        this.separator = separator;
    }

    char separator() {
        return separator;
    }

    boolean vietnameseNumbers() {
        return this != LONG_COMMA;
    }
}
