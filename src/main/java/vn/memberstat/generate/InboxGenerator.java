package vn.memberstat.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import vn.memberstat.catalogue.Catalogue;

/**
 * Writes a synthetic inbox: {@code registry/units.csv}, then one file per grassroots organisation and
 * month under {@code <yyyy-mm>/<province>/}, plus a late correction for a share of them. Provinces are
 * shared out among the worker threads; every organisation and month has its own random streams, so the
 * bytes are the same for the same settings whatever the number of threads. Each file is written whole
 * from memory and never read back, so memory stays small whatever the size of the inbox.
 *
 * <p>Files get modified times a unit would give them: the monthly file between the 5th and 7th of the
 * next month, a correction on the 20th (both at least an hour before now, corrections always later).
 */
public final class InboxGenerator {
    public static final String REGISTRY = "registry/units.csv";
    public static final String BACKFILL = "backfill/backfill.csv";
    public static final String SUMMARY = "generated.properties";
    private static final long PAPER_STREAM = 0x9A9E7L;
    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    private final GenerationSettings settings;
    private final Catalogue catalogue;
    private final Instant latest;

    public InboxGenerator(GenerationSettings settings, Catalogue catalogue, Instant now) {
        this.settings = settings;
        this.catalogue = catalogue;
        this.latest = now.minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    }

    public GenerationSummary generate() {
        prepareOut();
        List<ProvinceChart> charts = charts();
        int registryRows = 0;
        StringBuilder registry = new StringBuilder(RegistryRow.HEADER).append('\n');
        for (ProvinceChart chart : charts) {
            for (RegistryRow row : chart.registryRows()) {
                registry.append(row.csvLine()).append('\n');
                registryRows++;
            }
        }
        byte[] registryBytes = registry.toString().getBytes(StandardCharsets.UTF_8);
        write(settings.out().resolve(REGISTRY), registryBytes,
                clamp(settings.first().atDay(1).minusDays(1).atTime(8, 0).toInstant(VIETNAM)));
        Tally total = settings.backfillRows() > 0 ? backfill(charts) : monthlyFiles(charts);
        total.bytes += registryBytes.length;
        int grassroots = charts.stream().mapToInt(c -> c.grassroots().size()).sum();
        GenerationSummary summary = new GenerationSummary(grassroots, registryRows, total.monthlyFiles, total.corrections,
                total.dataFiles, total.values, total.spoiled(), total.bytes,
                total.lastMonth == null ? settings.first() : total.lastMonth);
        writeSummary(summary);
        return summary;
    }

    private List<ProvinceChart> charts() {
        OrgChart builder = new OrgChart(settings.seed());
        List<ProvinceChart> charts = new ArrayList<>();
        List<Province> provinces = Provinces.first(settings.provinces());
        for (int i = 0; i < provinces.size(); i++) {
            charts.add(builder.build(provinces.get(i), i, settings.grassrootsPerProvince()));
        }
        return charts;
    }

    private Tally monthlyFiles(List<ProvinceChart> charts) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(settings.workers(), charts.size()));
        try {
            List<Future<Tally>> futures = new ArrayList<>();
            for (ProvinceChart chart : charts) {
                futures.add(pool.submit(() -> province(chart)));
            }
            Tally total = new Tally();
            for (Future<Tally> f : futures) {
                total.add(f.get());
            }
            return total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("generating a province failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Books every organisation of the province month by month from the epoch, writing the months asked for. */
    private Tally province(ProvinceChart chart) {
        SubmissionWriter writer = new SubmissionWriter(catalogue);
        Ledgers ledgers = new Ledgers(chart.grassroots(), settings.seed());
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
        SplittableRandom paper = paper(unit, month);
        boolean corrected = settings.errorRate() > 0 && paper.nextDouble() < settings.errorRate();
        long slip = corrected ? 1 + paper.nextInt(3) : 0;
        Blunders blunders = new Blunders(paper, settings.errorRate());
        SubmissionWriter.Content content = writer.monthly(unit, figures, blunders, slip);
        Path dir = settings.out().resolve(month.toString()).resolve(unit.provinceCodeIn(month));
        if (directories.add(dir)) {
            createDirectories(dir);
        }
        String stem = unit.code() + "_" + month;
        Instant sent = month.plusMonths(1).atDay(5).atTime(8, 0).toInstant(VIETNAM)
                .plus(Duration.ofMinutes(Math.floorMod(unit.serial() * 37L, 3 * 24 * 60)));
        Instant correctedAt = month.plusMonths(1).atDay(20).atTime(9, 0).toInstant(VIETNAM)
                .plus(Duration.ofMinutes(Math.floorMod(unit.serial() * 13L, 600)));
        correctedAt = clamp(correctedAt);
        sent = clamp(sent);
        if (!sent.isBefore(correctedAt)) {
            sent = correctedAt.minus(Duration.ofDays(1));
        }
        write(dir.resolve(stem + "-bao-cao.csv"), content.bytes(), sent);
        tally.count(content, blunders);
        tally.monthlyFiles++;
        tally.reached(month);
        if (corrected) {
            SubmissionWriter.Content correction = writer.correction(unit, figures);
            write(dir.resolve(stem + "-dinh-chinh.csv"), correction.bytes(), correctedAt);
            tally.count(correction, null);
            tally.corrections++;
        }
    }

    /**
     * One long-layout file holding the first {@code backfillRows} rows of the months asked for, month by
     * month, province by province, as a provincial system would export its history.
     */
    private Tally backfill(List<ProvinceChart> charts) {
        SubmissionWriter writer = new SubmissionWriter(catalogue);
        List<Ledgers> all = charts.stream().map(c -> new Ledgers(c.grassroots(), settings.seed())).toList();
        Tally tally = new Tally();
        tally.dataFiles = 1;
        Path file = settings.out().resolve(BACKFILL);
        createDirectories(file.getParent());
        long wanted = settings.backfillRows();
        long rows = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write((SubmissionWriter.LONG_HEADER + "\n").getBytes(StandardCharsets.UTF_8));
            StringBuilder text = new StringBuilder(8192);
            months:
            for (YearMonth month = GrassrootsLedger.EPOCH; !month.isAfter(settings.last()); month = month.plusMonths(1)) {
                for (Ledgers ledgers : all) {
                    ledgers.restructureIf(month);
                    for (GrassrootsLedger ledger : ledgers.all()) {
                        if (!ledger.unit().reportsIn(month)) {
                            continue;
                        }
                        MonthFigures figures = ledger.advance();
                        if (!settings.writes(month)) {
                            continue;
                        }
                        Blunders blunders = new Blunders(paper(ledger.unit(), month), settings.errorRate());
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
        setModified(file, clamp(settings.last().plusMonths(1).atDay(10).atTime(8, 0).toInstant(VIETNAM)));
        return tally;
    }

    private SplittableRandom paper(Grassroots unit, YearMonth month) {
        return new SplittableRandom(Draws.mix(settings.seed(), unit.serial(), month.getYear() * 12L + month.getMonthValue(), PAPER_STREAM));
    }

    private void prepareOut() {
        Path out = settings.out();
        if (Files.exists(out)) {
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("output directory " + out + " is not empty; give a new or empty one");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + out, e);
            }
        }
        createDirectories(out);
    }

    private void writeSummary(GenerationSummary s) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("provinces", settings.provinces());
        p.put("grassroots_per_province", settings.grassrootsPerProvince());
        p.put("months", settings.first() + ".." + settings.last());
        p.put("seed", settings.seed());
        p.put("error_rate", settings.errorRate());
        p.put("backfill_rows", settings.backfillRows());
        p.put("grassroots", s.grassroots());
        p.put("registry_rows", s.registryRows());
        p.put("monthly_files", s.monthlyFiles());
        p.put("correction_files", s.correctionFiles());
        p.put("data_files", s.dataFiles());
        p.put("files", s.files());
        p.put("values", s.values());
        p.put("rows_to_read", s.rowsToRead());
        p.put("spoiled_values", s.spoiledValues());
        for (Blunders.Kind kind : Blunders.Kind.values()) {
            p.put("spoiled_" + kind.name(), s.spoiled().getOrDefault(kind.name(), 0L));
        }
        p.put("bytes", s.bytes());
        p.put("last_month", s.lastMonth());
        StringBuilder text = new StringBuilder("# written by memberstat generate; the pipeline reads only *.csv\n");
        p.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        try {
            Files.writeString(settings.out().resolve(SUMMARY), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + SUMMARY, e);
        }
    }

    private Instant clamp(Instant t) {
        return t.isAfter(latest) ? latest : t;
    }

    private static void write(Path file, byte[] bytes, Instant modified) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        setModified(file, modified);
    }

    private static void setModified(Path file, Instant modified) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(modified));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set the modified time of " + file, e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /** The ledgers of one province in serial order, and the commune mergers of 1/7/2025. */
    private static final class Ledgers {
        private final List<GrassrootsLedger> ledgers = new ArrayList<>();
        private final Map<String, GrassrootsLedger> byCode = new LinkedHashMap<>();

        Ledgers(List<Grassroots> units, long seed) {
            for (Grassroots g : units) {
                GrassrootsLedger ledger = new GrassrootsLedger(g, seed);
                ledgers.add(ledger);
                byCode.put(g.code(), ledger);
            }
        }

        List<GrassrootsLedger> all() {
            return ledgers;
        }

        void restructureIf(YearMonth month) {
            if (!month.equals(Restructuring.FIRST_MONTH_AFTER)) {
                return;
            }
            for (GrassrootsLedger ledger : ledgers) {
                Grassroots g = ledger.unit();
                if (g.fate() == Grassroots.Fate.MERGED) {
                    byCode.get(g.successorCode()).absorb(ledger);
                }
            }
        }
    }

    /** Counts of one worker, added up at the end. */
    private static final class Tally {
        long monthlyFiles;
        long corrections;
        long dataFiles;
        long values;
        long bytes;
        YearMonth lastMonth;
        final long[] spoiled = new long[Blunders.Kind.values().length];

        void count(SubmissionWriter.Content content, Blunders blunders) {
            dataFiles++;
            values += content.values();
            bytes += content.bytes().length;
            if (blunders != null) {
                spoil(blunders);
            }
        }

        void spoil(Blunders blunders) {
            for (Blunders.Kind kind : Blunders.Kind.values()) {
                spoiled[kind.ordinal()] += blunders.count(kind);
            }
        }

        void reached(YearMonth month) {
            if (lastMonth == null || month.isAfter(lastMonth)) {
                lastMonth = month;
            }
        }

        void add(Tally other) {
            if (other.lastMonth != null) {
                reached(other.lastMonth);
            }
            monthlyFiles += other.monthlyFiles;
            corrections += other.corrections;
            dataFiles += other.dataFiles;
            values += other.values;
            bytes += other.bytes;
            for (int i = 0; i < spoiled.length; i++) {
                spoiled[i] += other.spoiled[i];
            }
        }

        Map<String, Long> spoiled() {
            Map<String, Long> map = new LinkedHashMap<>();
            for (Blunders.Kind kind : Blunders.Kind.values()) {
                map.put(kind.name(), spoiled[kind.ordinal()]);
            }
            return map;
        }
    }
}
