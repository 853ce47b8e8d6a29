package vn.memberstat.read;

import vn.memberstat.common.ReasonCode;

/** A workbook refused whole while it was opened or read: too large for the limits, or not a workbook this reads. */
public final class WorkbookRefusal extends Exception {
    private final ReasonCode reason;

    public WorkbookRefusal(ReasonCode reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
    }

    public ReasonCode reason() {
        return reason;
    }

    public String detail() {
        return getMessage();
    }

    /** What a failure while reading a workbook means to the unit: POI's zip-bomb guards say the workbook is too large. */
    static WorkbookRefusal of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage();
            if (m.contains("Zip bomb") || m.contains("potentially malicious") || m.contains("exceed the max")) {
                return new WorkbookRefusal(ReasonCode.TOO_LARGE, "the workbook unpacks to more than the limits allow"
                        + " (compression ratio, part size or number of parts): " + firstLine(m)
                        + "; save it again in Excel, or split it", e);
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return new WorkbookRefusal(ReasonCode.UNSUPPORTED_FORMAT, "the file cannot be read as an .xlsx workbook ("
                + firstLine(String.valueOf(root.getMessage())) + "): save it in Excel as .xlsx or CSV UTF-8", e);
    }

    private static String firstLine(String m) {
        int nl = m.indexOf('\n');
        String line = nl < 0 ? m : m.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
