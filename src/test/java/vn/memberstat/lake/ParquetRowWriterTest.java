package vn.memberstat.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.parquet.ParquetRowWriter;
import vn.memberstat.parquet.ParquetTable;

/** Rows written column by column read back exactly, over several row groups, with their nulls. */
final class ParquetRowWriterTest {
    private static final ParquetTable TABLE = new ParquetTable("t", List.of(
            ParquetTable.required(ParquetTable.string("code")), ParquetTable.required(ParquetTable.bigint("line")),
            ParquetTable.integer("month"), ParquetTable.dbl("value"), ParquetTable.string("comment")));

    @TempDir
    Path dir;

    @Test
    void everyRowReadsBackAcrossRowGroups() throws Exception {
        Path file = dir.resolve("t.parquet");
        int rows = 500_000;   // codes that hardly compress: about 40 MB buffered, so more than one row group of 16 MB
        try (ParquetRowWriter w = new ParquetRowWriter(file, TABLE)) {
            for (int i = 0; i < rows; i++) {
                w.write(row(i));
            }
            assertThat(w.rows()).isEqualTo(rows);
        }

        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            String f = "'" + file + "'";
            try (ResultSet rs = s.executeQuery("select count(distinct row_group_id) from parquet_metadata(" + f + ")")) {
                rs.next();
                assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(2);
            }
            int read = 0;
            try (ResultSet rs = s.executeQuery("select code, line, month, value, comment from read_parquet(" + f + ") order by line")) {
                while (rs.next()) {
                    Object[] expected = row(read);
                    Object[] actual = {rs.getString(1), rs.getLong(2), (Integer) rs.getObject(3), (Double) rs.getObject(4), rs.getString(5)};
                    assertThat(actual).as("line %d", read).containsExactly(expected);
                    read++;
                }
            }
            assertThat(read).isEqualTo(rows);
        }
    }

    /** Row i: a code of scrambled hex with Vietnamese letters, and nulls in a third, a fifth and most of the comments. */
    private static Object[] row(int i) {
        String code = "u" + Long.toHexString(i * 0x9E3779B97F4A7C15L) + "-ông-" + Long.toHexString(~i * 0xC2B2AE3D27D4EB4FL)
                + "-bà-" + Long.toHexString((i + 7L) * 0xFF51AFD7ED558CCDL);
        return new Object[] {code, (long) i, i % 3 == 0 ? null : i % 12 + 1, i % 5 == 0 ? null : i * 0.25,
            i % 1000 == 0 ? "ghi chú " + i : null};
    }

    @Test
    void aRequiredColumnWithoutValueIsRefusedAndTheRowsBeforeItStay() throws Exception {
        Path file = dir.resolve("t.parquet");
        try (ParquetRowWriter w = new ParquetRowWriter(file, TABLE)) {
            w.write(new Object[] {"a", 1L, 1, 1.0, null});
            assertThatThrownBy(() -> w.write(new Object[] {"b", null, 2, 2.0, null}))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("required column line");
            w.write(new Object[] {"c", 3L, 3, 3.0, null});
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select string_agg(code || line, ',' order by line) from read_parquet('" + file + "')")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("a1,c3");
        }
    }

    @Test
    void aFileWithoutRowsIsReadableAndEmpty() throws Exception {
        Path file = dir.resolve("empty.parquet");
        new ParquetRowWriter(file, TABLE).close();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from read_parquet('" + file + "')")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }
}
