package vn.memberstat.parquet;

import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/** Writes {@code Object[]} rows in the column order of a {@link ParquetTable}; a null is a missing value. */
final class RowWriteSupport extends WriteSupport<Object[]> {
    private final ParquetTable table;
    private final List<ParquetTable.Column> columns;
    private RecordConsumer consumer;
    // the last text of each column and its UTF-8 form: a file's rows repeat their submission, unit, period
    // and codes row after row, and encoding each again was a fifth of the writing threads' time
    private final String[] lastText;
    private final Binary[] lastBinary;

    RowWriteSupport(ParquetTable table) {
        this.table = table;
        this.columns = table.columns();
        this.lastText = new String[columns.size()];
        this.lastBinary = new Binary[columns.size()];
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(table.messageType(), Map.of());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(table.messageType(), Map.of());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    @Override
    public void write(Object[] row) {
        consumer.startMessage();
        for (int i = 0; i < columns.size(); i++) {
            Object v = row[i];
            if (v == null) {
                continue;
            }
            ParquetTable.Column c = columns.get(i);
            consumer.startField(c.name(), i);
            switch (c.type()) {
                case STRING -> consumer.addBinary(binary(i, (String) v));
                case INT -> consumer.addInteger(((Number) v).intValue());
                case LONG -> consumer.addLong(((Number) v).longValue());
                case DOUBLE -> consumer.addDouble(((Number) v).doubleValue());
            }
            consumer.endField(c.name(), i);
        }
        consumer.endMessage();
    }

    private Binary binary(int column, String text) {
        if (!text.equals(lastText[column])) {
            lastText[column] = text;
            lastBinary[column] = Binary.fromString(text);   // immutable: safe to hand to the writer again
        }
        return lastBinary[column];
    }
}
