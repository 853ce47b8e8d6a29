package vn.memberstat.normalise;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import vn.memberstat.catalogue.Catalogue;
import vn.memberstat.common.ReasonCode;
import vn.memberstat.run.Rejection;
import vn.memberstat.run.UnitVersion;
import vn.memberstat.common.RowRejectedException;

/**
 * Checks new registry rows against each other and the registry already loaded. A row that repeats a
 * known version is a duplicate; one with the same code and {@code valid_from} but other attributes
 * corrects that version, unless both come from the same file (then it overlaps it); anything else
 * must not overlap its code's other versions, and its parent must be active, one level up or more,
 * on its {@code valid_from}.
 */
public final class RegistryNormaliser {
    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private final Catalogue catalogue;

    public RegistryNormaliser(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * A registry row as read, with where it came from; {@code quarantineKey} is set for a row retried from quarantine.
     * Its raw line is written only for a row that is rejected: a national registry is 96,000 rows. A workbook's row
     * names its {@code sheet}.
     */
    public record Candidate(String submissionId, String filePath, long lineNumber, Supplier<String> raw, List<String> fields,
            Map<String, Integer> columns, Long quarantineKey, String sheet) {
        public Candidate(String submissionId, String filePath, long lineNumber, Supplier<String> raw, List<String> fields,
                Map<String, Integer> columns, Long quarantineKey) {
            this(submissionId, filePath, lineNumber, raw, fields, columns, quarantineKey, null);
        }

        public String rawLine() {
            return raw.get();
        }
    }

    /** A version accepted by this run, with its provenance. */
    public record Accepted(UnitVersion version, String submissionId, long lineNumber, Long quarantineKey) {}

    /**
     * Accepted versions (new and retried), rejections of new rows (a retried row that fails again stays in
     * quarantine as it is), and the quarantine keys of retried rows that now repeat a known version.
     */
    public record Result(List<Accepted> accepted, List<Rejection> rejections, Map<String, Integer> duplicatesBySubmission,
            Map<String, Integer> acceptedBySubmission, List<Long> retriedDuplicates) {}

    public Result normalise(List<UnitVersion> existing, List<Candidate> candidates) {
        Map<String, List<UnitVersion>> byCode = new HashMap<>();
        existing.forEach(v -> byCode.computeIfAbsent(v.code(), k -> new ArrayList<>()).add(v));
        List<Rejection> rejections = new ArrayList<>();
        Map<String, Integer> duplicates = new HashMap<>();
        List<Long> retriedDuplicates = new ArrayList<>();
        List<Accepted> accepted = new ArrayList<>();
        for (Candidate c : candidates) {
            UnitVersion v;
            try {
                v = parse(c);
            } catch (RowRejectedException e) {
                if (c.quarantineKey() == null) {
                    rejections.add(reject(c, e.detail()));
                }
                continue;
            }
            List<UnitVersion> versions = byCode.computeIfAbsent(v.code(), k -> new ArrayList<>());
            if (versions.contains(v)) {
                if (c.quarantineKey() != null) {
                    retriedDuplicates.add(c.quarantineKey());
                } else {
                    duplicates.merge(c.submissionId(), 1, Integer::sum);
                }
                continue;
            }
            UnitVersion corrected = versions.stream().filter(o -> o.validFrom().equals(v.validFrom())).findFirst().orElse(null);
            if (corrected != null && c.quarantineKey() != null) {
                continue; // an older row retried from quarantine never corrects a newer one
            }
            Accepted sameFile = corrected == null ? null : accepted.stream()
                    .filter(a -> a.version() == corrected && a.submissionId().equals(c.submissionId()))
                    .findFirst().orElse(null);
            if (sameFile != null) {
                // Within one file neither row is later than the other, so this one cannot correct that one.
                rejections.add(reject(c, "validity " + v.validFrom() + ".." + (v.validTo() == null ? "" : v.validTo())
                        + " overlaps line " + sameFile.lineNumber() + " of this file, which gives " + v.code()
                        + " from the same valid_from with other attributes"));
                continue;
            }
            UnitVersion clash = versions.stream()
                    .filter(o -> o != corrected && o.overlaps(v.validFrom(), v.lastDay()))
                    .findFirst().orElse(null);
            if (clash != null) {
                if (c.quarantineKey() != null) {
                    continue;
                }
                rejections.add(reject(c, "validity " + v.validFrom() + ".." + (v.validTo() == null ? "" : v.validTo())
                        + " overlaps the registry row of " + clash.code() + " valid " + clash.validFrom() + ".."
                        + (clash.validTo() == null ? "" : clash.validTo())));
                continue;
            }
            if (corrected != null) {
                // a row of an earlier file of this run stays accepted (loaded, then corrected): the load keeps the latest
                versions.remove(corrected);
            }
            versions.add(v);
            accepted.add(new Accepted(v, c.submissionId(), c.lineNumber(), c.quarantineKey()));
        }
        rejectOrphans(byCode, accepted, candidates, rejections);
        Map<String, Integer> acceptedBySubmission = new HashMap<>();
        accepted.stream().filter(a -> a.quarantineKey() == null)
                .forEach(a -> acceptedBySubmission.merge(a.submissionId(), 1, Integer::sum));
        return new Result(List.copyOf(accepted), rejections, duplicates, acceptedBySubmission, List.copyOf(retriedDuplicates));
    }

    /** Rejects accepted rows whose parent is unknown or inactive, until no rejection uncovers another. */
    private void rejectOrphans(Map<String, List<UnitVersion>> byCode, List<Accepted> accepted, List<Candidate> candidates,
            List<Rejection> rejections) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Accepted a : List.copyOf(accepted)) {
                String problem = parentProblem(byCode, a.version());
                if (problem != null) {
                    accepted.remove(a);
                    byCode.get(a.version().code()).remove(a.version());
                    Candidate c = candidates.stream()
                            .filter(x -> x.submissionId().equals(a.submissionId()) && x.lineNumber() == a.lineNumber()
                                    && java.util.Objects.equals(x.quarantineKey(), a.quarantineKey()))
                            .findFirst().orElseThrow();
                    if (c.quarantineKey() == null) {
                        rejections.add(reject(c, problem));
                    }
                    changed = true;
                }
            }
        }
    }

    private static String parentProblem(Map<String, List<UnitVersion>> byCode, UnitVersion v) {
        if (v.parentCode() == null) {
            return v.level() == 1 ? null : "a unit of level " + v.level() + " needs a parent_code";
        }
        List<UnitVersion> parents = byCode.getOrDefault(v.parentCode(), List.of());
        if (parents.isEmpty()) {
            return "parent '" + v.parentCode() + "' is not in the unit registry";
        }
        UnitVersion parent = parents.stream().filter(p -> p.activeOn(v.validFrom())).findFirst().orElse(null);
        if (parent == null) {
            return "parent '" + v.parentCode() + "' is not active on " + v.validFrom();
        }
        if (parent.level() >= v.level()) {
            return "parent '" + v.parentCode() + "' has level " + parent.level() + ", not above this unit's level " + v.level();
        }
        return null;
    }

    private UnitVersion parse(Candidate c) {
        String code = field(c, "unit_code");
        if (code == null || !CODE.matcher(code).matches()) {
            throw bad("unit_code '" + Objects.toString(code, "") + "' must be 1-64 letters, digits, '.', '-' or '_'");
        }
        String name = field(c, "unit_name");
        if (name == null) {
            throw bad("unit_name is empty");
        }
        String levelText = field(c, "level");
        int level;
        try {
            level = Integer.parseInt(Objects.toString(levelText, ""));
        } catch (NumberFormatException e) {
            throw bad("level '" + Objects.toString(levelText, "") + "' is not 1, 2, 3 or 4");
        }
        if (level < 1 || level > 4) {
            throw bad("level " + level + " is not 1, 2, 3 or 4");
        }
        String type = field(c, "unit_type");
        if (type == null || !catalogue.isUnitType(type)) {
            throw bad("unit_type '" + Objects.toString(type, "") + "' is not in the catalogue of unit types");
        }
        LocalDate from = date(field(c, "valid_from"), "valid_from");
        if (from == null) {
            throw bad("valid_from is empty");
        }
        LocalDate to = date(field(c, "valid_to"), "valid_to");
        if (to != null && to.isBefore(from)) {
            throw bad("valid_to " + to + " is before valid_from " + from);
        }
        String parent = field(c, "parent_code");
        if (parent != null && !CODE.matcher(parent).matches()) {
            throw bad("parent_code '" + parent + "' is not a unit code");
        }
        if (code.equals(parent)) {
            throw bad("a unit cannot be its own parent");
        }
        String successor = field(c, "successor_code");
        if (successor != null && !CODE.matcher(successor).matches()) {
            throw bad("successor_code '" + successor + "' is not a unit code");
        }
        return new UnitVersion(code, name, parent, level, type, from, to, successor);
    }

    private static String field(Candidate c, String column) {
        Integer i = c.columns().get(column);
        if (i == null || i >= c.fields().size()) {
            return null;
        }
        String v = c.fields().get(i).strip();
        return v.isEmpty() ? null : v;
    }

    private static LocalDate date(String text, String column) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw bad(column + " '" + text + "' is not an ISO date (YYYY-MM-DD)");
        }
    }

    private static RowRejectedException bad(String detail) {
        return new RowRejectedException(ReasonCode.BAD_REGISTRY_ROW, detail);
    }

    private static Rejection reject(Candidate c, String detail) {
        return new Rejection(c.submissionId(), c.filePath(), c.lineNumber(), c.rawLine(), ReasonCode.BAD_REGISTRY_ROW, detail,
                field(c, "unit_code"), null, null, null, null, null, c.sheet());
    }
}
