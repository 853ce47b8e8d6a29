package vn.memberstat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

final class NightlyCommandTest {
    @Test
    void aTimeOnTheFullMinuteKeepsItsSeconds() {
        // "already completed at" is read by scripts: 15:17:00, never 15:17 (a run ending on the minute printed that)
        assertThat(NightlyCommand.SECONDS.format(LocalDateTime.of(2026, 12, 7, 15, 17, 0, 0))).isEqualTo("2026-12-07 15:17:00");
        assertThat(NightlyCommand.SECONDS.format(LocalDateTime.of(2026, 12, 7, 15, 17, 5, 999_000_000))).isEqualTo("2026-12-07 15:17:05");
    }
}
