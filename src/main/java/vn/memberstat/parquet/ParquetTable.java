package vn.memberstat.parquet;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

/**
 * The flat schema of a Parquet file the pipeline writes: named, typed columns, optional unless marked
 * {@link #required}. A required column is never null and costs no definition levels to write.
 */
public record ParquetTable(String name, List<Column> columns) {
    public ParquetTable {
        requireNonNull(name, "name is null");
        columns = List.copyOf(columns);
    }

    public enum ColumnType { STRING, INT, LONG, DOUBLE }

    public record Column(String name, ColumnType type, boolean required) {
        public Column {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
        }

        Column(String name, ColumnType type) {
            this(name, type, false);
        }
    }

    /** The same column, never null. */
    public static Column required(Column c) {
        return new Column(c.name(), c.type(), true);
    }

    public static Column string(String name) {
        return new Column(name, ColumnType.STRING);
    }

    public static Column integer(String name) {
        return new Column(name, ColumnType.INT);
    }

    public static Column bigint(String name) {
        return new Column(name, ColumnType.LONG);
    }

    public static Column dbl(String name) {
        return new Column(name, ColumnType.DOUBLE);
    }

    MessageType messageType() {
        Types.MessageTypeBuilder builder = Types.buildMessage();
        for (Column c : columns) {
            Repetition repetition = c.required() ? Repetition.REQUIRED : Repetition.OPTIONAL;
            switch (c.type()) {
                case STRING -> builder.addField(Types.primitive(PrimitiveTypeName.BINARY, repetition)
                        .as(LogicalTypeAnnotation.stringType()).named(c.name()));
                case INT -> builder.addField(Types.primitive(PrimitiveTypeName.INT32, repetition).named(c.name()));
                case LONG -> builder.addField(Types.primitive(PrimitiveTypeName.INT64, repetition).named(c.name()));
                case DOUBLE -> builder.addField(Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(c.name()));
            }
        }
        return builder.named(name);
    }
}
