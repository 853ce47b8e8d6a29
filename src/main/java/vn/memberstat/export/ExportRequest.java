package vn.memberstat.export;

import java.nio.file.Path;
import java.util.Set;

/**
 * What to export: the year, the unit whose subtree it covers ({@code null}: all units), the level of the rows
 * ({@code null}: the level just below the unit), the formats, the folder and the language.
 */
public record ExportRequest(int year, String unit, Integer level, boolean restated, Set<Format> formats, Path out,
        Language language) {
    public enum Format { XLSX, CSV, HTML }

    /** {@code memberstat-2024} or {@code memberstat-2024-HN}: every file's name begins with it. */
    public String baseName() {
        return "memberstat-" + year + (unit == null ? "" : "-" + unit);
    }
}
