package vn.memberstat.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import vn.memberstat.catalogue.Catalogue;

/**
 * One long-layout file holding the first {@code backfillRows} rows of the months asked for, month by
 * month, province by province, as a provincial system would export its history.
 */
record BackfillFile(GenerationSettings settings, Catalogue catalogue, FileTimes times) {
    Tally write(List<ProvinceChart> charts) {
        SubmissionWriter writer = new SubmissionWriter(catalogue);
        List<ProvinceLedgers> all = charts.stream().map(c -> new ProvinceLedgers(c.grassroots(), settings.seed())).toList();
        Tally tally = new Tally();
        tally.dataFiles = 1;
        Path file = settings.out().resolve(InboxGenerator.BACKFILL);
        InboxFiles.createDirectories(file.getParent());
        long wanted = settings.backfillRows();
        long rows = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write((SubmissionWriter.LONG_HEADER + "\n").getBytes(StandardCharsets.UTF_8));
            StringBuilder text = new StringBuilder(8192);
            months:
            for (YearMonth month = GrassrootsLedger.EPOCH; !month.isAfter(settings.last()); month = month.plusMonths(1)) {
                for (ProvinceLedgers ledgers : all) {
                    ledgers.restructureIf(month);
                    for (GrassrootsLedger ledger : ledgers.all()) {
                        if (!ledger.unit().reportsIn(month)) {
                            continue;
                        }
                        MonthFigures figures = ledger.advance();
                        if (!settings.writes(month)) {
                            continue;
                        }
                        Blunders blunders = new Blunders(Paper.random(settings.seed(), ledger.unit(), month), settings.errorRate());
                        text.setLength(0);
                        int n = writer.appendLong(text, ledger.unit(), figures, blunders, (int) Math.min(Integer.MAX_VALUE, wanted - rows));
                        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                        out.write(bytes);
                        tally.bytes += bytes.length;
                        tally.values += n;
                        tally.spoil(blunders);
                        tally.reached(month);
                        rows += n;
                        if (rows == wanted) {
                            break months;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        if (rows < wanted) {
            throw new IllegalArgumentException("the months " + settings.first() + ".." + settings.last() + " hold only " + rows
                    + " rows, fewer than the " + wanted + " asked for; give more months or provinces");
        }
        InboxFiles.setModified(file, times.backfill(settings.last()));
        return tally;
    }
}
