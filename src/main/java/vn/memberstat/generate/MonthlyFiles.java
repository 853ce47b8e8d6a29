package vn.memberstat.generate;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import vn.memberstat.catalogue.Catalogue;
import vn.memberstat.common.WorkerPool;

/**
 * Writes one file per grassroots organisation and month under {@code <yyyy-mm>/<province>/}, plus a late
 * correction for a share of them, with the provinces shared out among the worker threads. A share of the
 * organisations' months ({@code --xlsx-share}) are written as workbooks, their correction too.
 */
record MonthlyFiles(GenerationSettings settings, Catalogue catalogue, FileTimes times) {
    Tally write(List<ProvinceChart> charts) {
        try (WorkerPool pool = new WorkerPool(Math.min(settings.workers(), charts.size()))) {
            Tally total = new Tally();
            pool.map(charts, this::province).forEach(total::add);
            return total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating", e);
        }
    }

    /** Books every organisation of the province month by month from the epoch, writing the months asked for. */
    private Tally province(ProvinceChart chart) {
        SubmissionWriter writer = new SubmissionWriter(catalogue);
        ProvinceLedgers ledgers = new ProvinceLedgers(chart.grassroots(), settings.seed());
        Tally tally = new Tally();
        Set<Path> directories = ConcurrentHashMap.newKeySet();
        for (YearMonth month = GrassrootsLedger.EPOCH; !month.isAfter(settings.last()); month = month.plusMonths(1)) {
            ledgers.restructureIf(month);
            for (GrassrootsLedger ledger : ledgers.all()) {
                Grassroots unit = ledger.unit();
                if (!unit.reportsIn(month)) {
                    continue;
                }
                MonthFigures figures = ledger.advance();
                if (settings.writes(month)) {
                    writeMonth(writer, unit, figures, tally, directories);
                }
            }
        }
        return tally;
    }

    private void writeMonth(SubmissionWriter writer, Grassroots unit, MonthFigures figures, Tally tally, Set<Path> directories) {
        YearMonth month = figures.month();
        SplittableRandom paper = Paper.random(settings.seed(), unit, month);
        boolean corrected = settings.errorRate() > 0 && paper.nextDouble() < settings.errorRate();
        long slip = corrected ? 1 + paper.nextInt(3) : 0;
        Blunders blunders = new Blunders(paper, settings.errorRate());
        SubmissionWriter.Content content = writer.monthly(unit, figures, blunders, slip);
        Path dir = settings.out().resolve(month.toString()).resolve(unit.provinceCodeIn(month));
        if (directories.add(dir)) {
            InboxFiles.createDirectories(dir);
        }
        String stem = unit.code() + "_" + month;
        boolean workbook = XlsxSubmission.chosen(settings, unit, month);
        InboxFiles.write(dir.resolve(stem + (workbook ? "-bao-cao.xlsx" : "-bao-cao.csv")),
                workbook ? XlsxSubmission.of(content.bytes(), "Báo cáo") : content.bytes(), times.sent(unit, month));
        tally.count(content, blunders);
        tally.monthlyFiles++;
        tally.reached(month);
        if (corrected) {
            SubmissionWriter.Content correction = writer.correction(unit, figures);
            InboxFiles.write(dir.resolve(stem + (workbook ? "-dinh-chinh.xlsx" : "-dinh-chinh.csv")),
                    workbook ? XlsxSubmission.of(correction.bytes(), "Đính chính") : correction.bytes(), times.corrected(unit, month));
            tally.count(correction, null);
            tally.corrections++;
        }
    }
}
