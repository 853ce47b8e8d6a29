package vn.memberstat.catalogue;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.memberstat.common.PeriodKind;

/** One indicator of the catalogue with its categories; the first category is the default. */
public record Indicator(
        String code,
        String labelVi,
        IndicatorKind kind,
        Set<PeriodKind> periodKinds,
        boolean integerValues,
        List<Category> categories) {

    public Indicator {
        requireNonNull(code, "code is null");
        requireNonNull(labelVi, "labelVi is null");
        requireNonNull(kind, "kind is null");
        periodKinds = Set.copyOf(periodKinds);
        categories = List.copyOf(categories);
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("indicator " + code + " has no categories");
        }
    }

    public Category defaultCategory() {
        return categories.get(0);
    }

    public Optional<Category> category(String categoryCode) {
        for (Category c : categories) {   // a loop, not a stream: called for every value read
            if (c.code().equals(categoryCode)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public boolean hasTotal() {
        return categories.stream().anyMatch(c -> c.code().equals("total"));
    }

    public record Category(String code, String labelVi, int sortOrder) {
        public Category {
            requireNonNull(code, "code is null");
            requireNonNull(labelVi, "labelVi is null");
        }
    }
}
