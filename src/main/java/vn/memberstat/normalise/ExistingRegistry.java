package vn.memberstat.normalise;

import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.run.UnitVersion;

/** The unit versions the warehouse holds from earlier runs, by unit and start. */
final class ExistingRegistry {
    private ExistingRegistry() {}

    static List<UnitVersion> read(Connection warehouse) {
        List<UnitVersion> versions = new ArrayList<>();
        String sql = "select unit_code, unit_name, parent_code, level, unit_type, valid_from, valid_to, successor_code "
                + "from registry_version order by unit_code, valid_from";
        try (Statement s = warehouse.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                Date to = rs.getDate(7);
                versions.add(new UnitVersion(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        rs.getDate(6).toLocalDate(), to == null ? null : to.toLocalDate(), rs.getString(8)));
            }
        } catch (SQLException e) {
            throw new MemberstatException(ErrorCode.STORAGE, "cannot read registry_version: " + e.getMessage(), e);
        }
        return versions;
    }
}
