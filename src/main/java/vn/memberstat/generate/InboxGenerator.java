package vn.memberstat.generate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.memberstat.catalogue.Catalogue;

/**
 * Writes a synthetic inbox: {@code registry/units.csv}, then one file per grassroots organisation and
 * month under {@code <yyyy-mm>/<province>/}, plus a late correction for a share of them. Provinces are
 * shared out among the worker threads; every organisation and month has its own random streams, so the
 * bytes are the same for the same settings whatever the number of threads. Each file is written whole
 * from memory and never read back, so memory stays small whatever the size of the inbox.
 *
 * <p>Files get modified times a unit would give them (see {@link FileTimes}).
 */
public final class InboxGenerator {
    public static final String REGISTRY = "registry/units.csv";
    public static final String BACKFILL = "backfill/backfill.csv";
    public static final String SUMMARY = "generated.properties";

    private final GenerationSettings settings;
    private final Catalogue catalogue;
    private final FileTimes times;

    public InboxGenerator(GenerationSettings settings, Catalogue catalogue, Instant now) {
        this.settings = settings;
        this.catalogue = catalogue;
        this.times = new FileTimes(now);
    }

    public GenerationSummary generate() {
        InboxFiles.prepare(settings.out());
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
        InboxFiles.write(settings.out().resolve(REGISTRY), registryBytes, times.registry(settings.first()));
        Tally total = settings.backfillRows() > 0
                ? new BackfillFile(settings, catalogue, times).write(charts)
                : new MonthlyFiles(settings, catalogue, times).write(charts);
        total.bytes += registryBytes.length;
        int grassroots = charts.stream().mapToInt(c -> c.grassroots().size()).sum();
        GenerationSummary summary = new GenerationSummary(grassroots, registryRows, total.monthlyFiles, total.corrections,
                total.dataFiles, total.values, total.spoiled(), total.bytes,
                total.lastMonth == null ? settings.first() : total.lastMonth);
        SummaryFile.write(settings, summary);
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
}
