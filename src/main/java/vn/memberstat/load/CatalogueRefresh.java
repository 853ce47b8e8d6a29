package vn.memberstat.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.stream.Collectors;
import vn.memberstat.catalogue.Catalogue;
import vn.memberstat.catalogue.Indicator;
import vn.memberstat.common.PeriodKind;

/** The indicator catalogue's dimensions (dim_indicator, dim_category, dim_unit_type), written afresh by each load. */
final class CatalogueRefresh {
    private final Catalogue catalogue;

    CatalogueRefresh(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    void refresh(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("delete from dim_category");
            s.execute("delete from dim_indicator");
            s.execute("delete from dim_unit_type");
        }
        try (PreparedStatement ind = c.prepareStatement("insert into dim_indicator values (?, ?, ?, ?, ?, ?)");
                PreparedStatement cat = c.prepareStatement("insert into dim_category values (?, ?, ?, ?, ?)");
                PreparedStatement type = c.prepareStatement("insert into dim_unit_type values (?, ?, ?)")) {
            for (Indicator i : catalogue.indicators()) {
                ind.setString(1, i.code());
                ind.setString(2, i.labelVi());
                ind.setString(3, i.kind().name().toLowerCase(Locale.ROOT));
                ind.setString(4, i.periodKinds().stream().map(PeriodKind::code).sorted().collect(Collectors.joining("|")));
                ind.setString(5, i.integerValues() ? "count" : "rate");
                ind.setString(6, null);
                ind.addBatch();
                for (Indicator.Category k : i.categories()) {
                    cat.setString(1, i.code());
                    cat.setString(2, k.code());
                    cat.setString(3, k.labelVi());
                    cat.setInt(4, k.sortOrder());
                    cat.setBoolean(5, k.code().equals("total"));
                    cat.addBatch();
                }
            }
            for (var t : catalogue.unitTypes().entrySet()) {
                type.setString(1, t.getKey());
                type.setString(2, t.getValue());
                type.setString(3, catalogue.unitGroup(t.getKey()));
                type.addBatch();
            }
            ind.executeBatch();
            cat.executeBatch();
            type.executeBatch();
        }
    }
}
