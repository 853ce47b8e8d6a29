package vn.memberstat.pull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import vn.memberstat.common.ReasonCode;

/**
 * A spreadsheet's SHA-256 and whether it can be read at all, by its first bytes: an {@code .xlsx} is a zip package.
 * A password-protected workbook is an OLE2 container holding {@code EncryptionInfo} ({@code ENCRYPTED}); an old
 * {@code .xls}, a macro-enabled {@code .xlsm}, an {@code .xlsb} or an {@code .ods} is refused unread
 * ({@code UNSUPPORTED_FORMAT}), each with what to send instead.
 */
final class WorkbookInspector {
    static final String SAVE_AS = "save it in Excel as .xlsx (Excel Workbook) or as CSV UTF-8 and send it again";

    FileInspector.Inspection inspect(Path file, long sizeBytes, long maxBytes, InboxFileKind kind) throws IOException {
        String sha256 = sha256(file);
        if (sizeBytes > maxBytes) {
            return refused(sha256, ReasonCode.TOO_LARGE,
                    "file has " + sizeBytes + " bytes; the limit is " + maxBytes + " (memberstat.max-file-bytes)");
        }
        if (sizeBytes == 0) {
            return refused(sha256, ReasonCode.EMPTY_FILE, "file holds nothing");
        }
        if (kind == InboxFileKind.OTHER_SPREADSHEET) {
            return refused(sha256, ReasonCode.UNSUPPORTED_FORMAT, formatName(file) + " is not read: " + SAVE_AS);
        }
        FileMagic magic;
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
            magic = FileMagic.valueOf(in);
        }
        if (magic == FileMagic.OOXML) {
            return new FileInspector.Inspection(sha256, null, 0, null, null);
        }
        if (magic == FileMagic.OLE2) {
            return encrypted(file)
                    ? refused(sha256, ReasonCode.ENCRYPTED, "the workbook is protected with a password: open it in Excel,"
                            + " clear the password (File → Info → Protect Workbook → Encrypt with Password), save and send it again")
                    : refused(sha256, ReasonCode.UNSUPPORTED_FORMAT,
                            "an Excel 97-2003 workbook (.xls) named .xlsx is not read: " + SAVE_AS);
        }
        return refused(sha256, ReasonCode.UNSUPPORTED_FORMAT, "the file is not an Excel workbook (its content looks like "
                + magic.name().toLowerCase(Locale.ROOT) + "): " + SAVE_AS);
    }

    /** An encrypted OOXML file is an OLE2 container with the encryption's description and the encrypted package. */
    private static boolean encrypted(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            return fs.getRoot().hasEntryCaseInsensitive("EncryptionInfo");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String formatName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsm")) {
            return "a macro-enabled workbook (.xlsm)";
        }
        if (name.endsWith(".xlsb")) {
            return "a binary workbook (.xlsb)";
        }
        if (name.endsWith(".ods")) {
            return "an OpenDocument spreadsheet (.ods)";
        }
        return "an Excel 97-2003 workbook (.xls)";
    }

    private static FileInspector.Inspection refused(String sha256, ReasonCode reason, String detail) {
        return new FileInspector.Inspection(sha256, null, 0, reason, detail);
    }

    private static String sha256(Path file) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
