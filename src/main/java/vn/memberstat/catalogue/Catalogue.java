package vn.memberstat.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import vn.memberstat.common.TextFold;
import vn.memberstat.common.PeriodKind;

/**
 * The indicator catalogue of the submission contract, read from {@code catalogue/*.csv} on the class path,
 * plus the unit types. Data, not code: a new category is a line in a CSV file.
 */
public final class Catalogue {
    private final Map<String, Indicator> indicators;
    private final Map<String, String> unitTypes;
    private final Map<String, String> unitGroups;
    private final Map<String, Indicator> indicatorsByLabel;

    private Catalogue(Map<String, Indicator> indicators, Map<String, String> unitTypes, Map<String, String> unitGroups) {
        this.indicators = Map.copyOf(indicators);
        this.unitTypes = Map.copyOf(unitTypes);
        this.unitGroups = Map.copyOf(unitGroups);
        Map<String, Indicator> byLabel = new LinkedHashMap<>();
        indicators.values().forEach(i -> byLabel.put(TextFold.fold(i.labelVi()), i));
        this.indicatorsByLabel = Map.copyOf(byLabel);
    }

    public static Catalogue load() {
        Map<String, List<Indicator.Category>> categories = new LinkedHashMap<>();
        for (CSVRecord r : records("catalogue/categories.csv")) {
            categories.computeIfAbsent(r.get("indicator_code"), k -> new ArrayList<>())
                    .add(new Indicator.Category(r.get("category_code"), r.get("label_vi"), Integer.parseInt(r.get("sort_order"))));
        }
        Map<String, Indicator> indicators = new LinkedHashMap<>();
        for (CSVRecord r : records("catalogue/indicators.csv")) {
            String code = r.get("indicator_code");
            Set<PeriodKind> kinds = EnumSet.noneOf(PeriodKind.class);
            Arrays.stream(r.get("period_kinds").split("\\|"))
                    .map(k -> PeriodKind.valueOf(k.toUpperCase(Locale.ROOT)))
                    .forEach(kinds::add);
            indicators.put(code, new Indicator(
                    code,
                    r.get("label_vi"),
                    IndicatorKind.valueOf(r.get("kind").toUpperCase(Locale.ROOT)),
                    kinds,
                    r.get("value_type").equals("count"),
                    categories.getOrDefault(code, List.of())));
        }
        Map<String, String> unitTypes = new LinkedHashMap<>();
        Map<String, String> unitGroups = new LinkedHashMap<>();
        for (CSVRecord r : records("catalogue/unit_types.csv")) {
            unitTypes.put(r.get("unit_type_code"), r.get("label_vi"));
            unitGroups.put(r.get("unit_type_code"), r.get("unit_group"));
        }
        return new Catalogue(indicators, unitTypes, unitGroups);
    }

    private static List<CSVRecord> records(String resource) {
        InputStream in = Catalogue.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("catalogue resource missing from the class path: " + resource);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    public Optional<Indicator> indicator(String code) {
        return Optional.ofNullable(indicators.get(code));
    }

    /** The indicator whose Vietnamese label folds to the same text as {@code label}. */
    public Optional<Indicator> indicatorByLabel(String label) {
        return Optional.ofNullable(indicatorsByLabel.get(TextFold.fold(label)));
    }

    public List<Indicator> indicators() {
        return List.copyOf(indicators.values());
    }

    public boolean isUnitType(String code) {
        return unitTypes.containsKey(code);
    }

    public Map<String, String> unitTypes() {
        return unitTypes;
    }

    /** The analysis group of a unit type: school, enterprise, commune_ward... */
    public String unitGroup(String unitType) {
        return unitGroups.get(unitType);
    }

    @Override
    public String toString() {
        return indicators.keySet().stream().collect(Collectors.joining(", ", "Catalogue[", "]"));
    }
}
