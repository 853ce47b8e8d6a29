package vn.memberstat.read;

import java.io.Closeable;
import java.util.List;

/** The records of one table of a submission, one at a time: a CSV file, or one sheet of a workbook. */
public interface RowSource extends Closeable {
    /** The header fields in NFC; an empty list when there is no header. */
    List<String> header();

    /** The next record, or null at the end. */
    SourceRow next();
}
