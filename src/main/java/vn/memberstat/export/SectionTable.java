package vn.memberstat.export;

import java.util.List;

/**
 * One section's rows as read from its view: the units at the chosen level, then the total row (the chosen unit's own
 * row of the view, or '*' for all units). Held in memory: their number is that of the units at one level, which the
 * hierarchy bounds (52,000 grassroots organisations nationally), however many years the warehouse holds.
 */
public record SectionTable(Section section, List<Column> columns, List<Object[]> rows, List<Object[]> totals) {
    public int index(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException(section.view() + " has no column " + column);
    }
}
