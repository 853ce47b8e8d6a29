package vn.memberstat.parquet;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;

/** A Parquet file of {@link ParquetTable} rows on the local file system, without Hadoop. */
public final class ParquetRowWriter implements Closeable {
    /** Each open file buffers a row group: a backfill spanning many years opens one per year. */
    private static final int ROW_GROUP_BYTES = 16 * 1024 * 1024;
    private final Path path;
    private final ParquetTable table;
    private final boolean[] required;
    private final ParquetWriter<Object[]> writer;
    private long rows;

    public ParquetRowWriter(Path path, ParquetTable table) {
        this.path = path;
        this.table = table;
        this.required = new boolean[table.columns().size()];
        for (int i = 0; i < required.length; i++) {
            required[i] = table.columns().get(i).required();
        }
        try {
            Builder builder = new Builder(new LocalOutputFile(path), table);
            for (ParquetTable.Column c : table.columns()) {
                if (c.type() == ParquetTable.ColumnType.STRING) {
                    // a text's minimum and maximum prune nothing here (a file holds a worker's mix of submissions
                    // and units) and comparing every value for them was a sixth of the writing
                    builder.withStatisticsEnabled(c.name(), false);
                }
            }
            this.writer = builder
                    .withConf(new PlainParquetConfiguration())
                    .withCodecFactory(new SnappyCodecFactory())
                    .withCompressionCodec(CompressionCodecName.SNAPPY)
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    .withRowGroupSize(ROW_GROUP_BYTES)
                    // plain strings plus Snappy: the dictionary's hash lookups were a sixth of a value's cost
                    .withDictionaryEncoding(false)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Parquet file " + path, e);
        }
    }

    /** Writes one row; a null in a required column is refused before the writer sees the row, which it would corrupt. */
    public void write(Object[] row) {
        for (int i = 0; i < required.length; i++) {
            if (required[i] && row[i] == null) {
                throw new IllegalArgumentException("no value for required column " + table.columns().get(i).name() + " of " + path);
            }
        }
        try {
            writer.write(row);
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to Parquet file " + path, e);
        }
    }

    public long rows() {
        return rows;
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish Parquet file " + path, e);
        }
    }

    private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
        private final ParquetTable table;

        Builder(OutputFile file, ParquetTable table) {
            super(file);
            this.table = table;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            return new RowWriteSupport(table);
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(org.apache.parquet.conf.ParquetConfiguration conf) {
            return new RowWriteSupport(table);
        }
    }
}
