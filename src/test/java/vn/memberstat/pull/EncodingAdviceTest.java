package vn.memberstat.pull;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code page named to a unit whose CSV is not UTF-8, and where its first bad byte is. */
final class EncodingAdviceTest {
    @TempDir
    Path temp;

    private String advice(String text, Charset charset) throws IOException {
        Path file = temp.resolve("f.csv");
        byte[] bytes = text.getBytes(charset);
        Files.write(file, bytes);
        int bad = 0;
        while (bytes[bad] >= 0) {
            bad++;
        }
        return EncodingAdvice.utf8(file, bad, 0);
    }

    @Test
    void vietnameseWindowsIsNamedWithTheLineOfTheFirstBadByte() throws IOException {
        // Windows-1258 has ê, ơ, đ ... whole, and the tones as combining marks after the letter: Kê + acute
        String text = "Ma\u0303 đơn vi\u0323;Ky\u0300 ba\u0301o ca\u0301o;Kê\u0301t na\u0323p đa\u0309ng viên\nHN.TX;2024-05;72\n";
        String d = advice(text, Charset.forName("windows-1258"));
        assertThat(d).startsWith("bytes at offset 2 (line 1) are not valid UTF-8")
                .contains("looks like Windows-1258 (Vietnamese Windows)").contains("Save As → CSV UTF-8");
    }

    @Test
    void westernWindowsIsNamed() throws IOException {
        String d = advice("unit_code,period,indicator,value,comment\nHN.TX,2024-05,members,20772,Révisé\n",
                Charset.forName("windows-1252"));
        assertThat(d).contains("(line 2)").contains("looks like Windows-1252 (Western Windows)");
    }

    @Test
    void bytesThatFitNeitherGetTheAdviceWithoutAName() throws IOException {
        Path file = temp.resolve("g.csv");
        Files.write(file, new byte[] {'a', ',', 'b', '\n', (byte) 0x81, (byte) 0x8D, '\n'});
        assertThat(EncodingAdvice.utf8(file, 4, 0)).isEqualTo("bytes at offset 4 (line 2) are not valid UTF-8; the file is in"
                + " another encoding: in Excel choose Save As → CSV UTF-8 (Comma delimited) and send the file again");
    }
}
