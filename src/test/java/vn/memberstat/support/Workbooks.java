package vn.memberstat.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Workbooks for tests, written with POI as Excel would save them: text cells, number cells, date cells in a date
 * format, formulas with their cached values, blank rows (a row left in the sheet with no values), several sheets.
 * Also the files units get wrong: a password-protected workbook, an old {@code .xls}, a zip bomb.
 */
public final class Workbooks {
    private Workbooks() {}

    /** A date cell (a number in the {@code dd/mm/yyyy} format, as Excel stores a typed date). */
    public record DateCell(LocalDate date) {}

    /** A formula with the value Excel saved with it (POI evaluates it before writing). */
    public record Formula(String formula) {}

    public static DateCell date(LocalDate d) {
        return new DateCell(d);
    }

    public static Formula formula(String f) {
        return new Formula(f);
    }

    /** Adds a sheet; a null row leaves a gap (a row Excel never wrote), an empty array a blank row. */
    public static Sheet sheet(Workbook wb, String name, Object[]... rows) {
        Sheet sheet = wb.createSheet(name);
        CellStyle dates = wb.createCellStyle();
        dates.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
        CellStyle blank = wb.createCellStyle();
        for (int r = 0; r < rows.length; r++) {
            if (rows[r] == null) {
                continue;
            }
            Row row = sheet.createRow(r);
            if (rows[r].length == 0) {
                row.createCell(0).setCellStyle(blank);   // a cell with a style and no value: Excel keeps such rows
            }
            for (int c = 0; c < rows[r].length; c++) {
                Object v = rows[r][c];
                if (v == null) {
                    continue;
                }
                Cell cell = row.createCell(c);
                if (v instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else if (v instanceof DateCell d) {
                    cell.setCellValue(d.date());
                    cell.setCellStyle(dates);
                } else if (v instanceof Formula f) {
                    cell.setCellFormula(f.formula());
                } else {
                    cell.setCellValue(v.toString());
                }
            }
        }
        return sheet;
    }

    /** Writes {@code wb} (formulas evaluated, so their values are saved) with an old modified time. */
    public static Path save(Workbook wb, Path file) {
        try {
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
            wb.close();
            return old(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static XSSFWorkbook xlsx() {
        return new XSSFWorkbook();
    }

    /** An Excel 97-2003 workbook with one sheet of the given rows. */
    public static Path xls(Path file, Object[]... rows) {
        HSSFWorkbook wb = new HSSFWorkbook();
        sheet(wb, "Sheet1", rows);
        return save(wb, file);
    }

    /** {@code plain}, protected with a password as Excel 2010 and later do (agile encryption), written to {@code file}. */
    public static Path encrypted(Path plain, Path file, String password) {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword(password);
            try (OPCPackage opc = OPCPackage.open(plain.toFile(), PackageAccess.READ_WRITE);
                    OutputStream os = encryptor.getDataStream(fs)) {
                opc.save(os);
            }
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
            return old(file);
        } catch (IOException | java.security.GeneralSecurityException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code plain} with its first sheet padded by {@code megabytes} of blank space inside an XML comment: valid, but
     * unpacking to a thousand times its packed size, as a zip bomb does.
     */
    public static Path zipBomb(Path plain, Path file, int megabytes) {
        try (ZipFile in = new ZipFile(plain.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                out.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream data = in.getInputStream(e)) {
                    if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                        String xml = new String(data.readAllBytes(), StandardCharsets.UTF_8);
                        int afterDeclaration = xml.indexOf("?>") + 2;
                        out.write(xml.substring(0, afterDeclaration).getBytes(StandardCharsets.UTF_8));
                        out.write("<!--".getBytes(StandardCharsets.US_ASCII));
                        byte[] spaces = new byte[1 << 20];
                        java.util.Arrays.fill(spaces, (byte) ' ');
                        for (int i = 0; i < megabytes; i++) {
                            out.write(spaces);
                        }
                        out.write("-->".getBytes(StandardCharsets.US_ASCII));
                        out.write(xml.substring(afterDeclaration).getBytes(StandardCharsets.UTF_8));
                    } else {
                        data.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return old(file);
    }

    static Path old(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(Memberstat.OLD));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
