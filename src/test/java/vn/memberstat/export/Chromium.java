package vn.memberstat.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium taking a screenshot of a page, A4-sized (1240 x 1754 pixels at 150 dpi). Without
 * Chromium the test is skipped on a developer's machine and fails under CI (CI=true), where .ci/run installs it.
 */
final class Chromium {
    private Chromium() {}

    static Path screenshot(Path page, Path work) throws Exception {
        String chromium = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser").stream()
                .filter(p -> new File(p).canExecute()).findFirst().orElse(null);
        if (chromium == null) {
            assertThat("true".equals(System.getenv("CI"))).as("chromium is missing; .ci/run installs it with apt-get").isFalse();
            Assumptions.abort("chromium is not installed (apt-get install chromium)");
        }
        Files.createDirectories(work);
        Path png = work.resolve("page.png");
        Path profile = Files.createTempDirectory(work, "profile");   // a fresh profile: no state from another run
        Process p = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--screenshot=" + png, "--window-size=1240,1754", page.toUri().toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("chromium.log").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(work.resolve("chromium.log"))).isZero();
        assertThat(png).exists();
        return png;
    }

    /** The share of pixels that are not near-white between rows {@code top} and {@code bottom}. */
    static double inkShare(BufferedImage image, int top, int bottom) {
        long ink = 0;
        long all = 0;
        for (int y = top; y < Math.min(bottom, image.getHeight()); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                if (r + g + b < 3 * 235) {
                    ink++;
                }
                all++;
            }
        }
        return (double) ink / all;
    }
}
