package vn.memberstat.export;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** The export's language: Vietnamese labels and number separators, or the English codes of the views. */
public enum Language {
    VI(';', ',', '.'), EN(',', '.', ',');

    private final char csvDelimiter;
    private final char decimalSeparator;
    private final char groupingSeparator;

    Language(char csvDelimiter, char decimalSeparator, char groupingSeparator) {
        this.csvDelimiter = csvDelimiter;
        this.decimalSeparator = decimalSeparator;
        this.groupingSeparator = groupingSeparator;
    }

    public static Language of(String code) {
        return Language.valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** Vietnamese-locale Excel splits CSV at ';', since ',' is its decimal separator. */
    public char csvDelimiter() {
        return csvDelimiter;
    }

    /** Numbers as a person reads them: 20.772 and 34,5 in Vietnamese; {@code grouped} adds thousands separators. */
    public DecimalFormat numbers(boolean grouped) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setDecimalSeparator(decimalSeparator);
        symbols.setGroupingSeparator(groupingSeparator);
        DecimalFormat format = new DecimalFormat(grouped ? "#,##0.##" : "0.##", symbols);
        format.setGroupingUsed(grouped);
        return format;
    }
}
