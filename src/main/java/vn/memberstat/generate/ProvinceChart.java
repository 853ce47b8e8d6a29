package vn.memberstat.generate;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A province's part of the generated country: its registry rows and its grassroots organisations. */
record ProvinceChart(Province province, int index, List<RegistryRow> registryRows, List<Grassroots> grassroots) {
    ProvinceChart {
        requireNonNull(province, "province is null");
        registryRows = List.copyOf(registryRows);
        grassroots = List.copyOf(grassroots);
    }
}
