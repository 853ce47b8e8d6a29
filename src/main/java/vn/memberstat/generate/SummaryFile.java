package vn.memberstat.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

/** The inbox's {@code generated.properties}: the settings it was generated with and what was written. */
final class SummaryFile {
    private SummaryFile() {}

    static void write(GenerationSettings settings, GenerationSummary s) {
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
            Files.writeString(settings.out().resolve(InboxGenerator.SUMMARY), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + InboxGenerator.SUMMARY, e);
        }
    }
}
