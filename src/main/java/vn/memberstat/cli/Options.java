package vn.memberstat.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;

/**
 * A command line: the command, its {@code --name value} options, the words after them, and
 * {@code --memberstat.x=y} settings handed on to the application.
 */
public record Options(String command, Map<String, String> values, List<String> words, List<String> settings) {
    private static final Set<String> FLAGS = Set.of("json", "help", "all", "allow-earlier", "quiet", "restated");

    public static Options parse(String[] args) {
        if (args.length == 0) {
            return new Options("help", Map.of(), List.of(), List.of());
        }
        Map<String, String> values = new HashMap<>();
        List<String> words = new ArrayList<>();
        List<String> settings = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--") && a.contains("=") && a.indexOf('.') > 0 && a.indexOf('.') < a.indexOf('=')) {
                settings.add(a);
            } else if (a.startsWith("--") && a.length() > 2) {
                String name = a.substring(2);
                int eq = name.indexOf('=');
                if (eq > 0) {
                    values.put(name.substring(0, eq), name.substring(eq + 1));
                } else if (FLAGS.contains(name)) {
                    values.put(name, "true");
                } else if (i + 1 < args.length) {
                    values.put(name, args[++i]);
                } else {
                    throw new MemberstatException(ErrorCode.USAGE, "option --" + name + " needs a value");
                }
            } else {
                words.add(a);
            }
        }
        return new Options(args[0], Map.copyOf(values), List.copyOf(words), lastOfEach(settings));
    }

    /** A setting given twice counts once, as given last (Spring would join the two values with a comma). */
    private static List<String> lastOfEach(List<String> settings) {
        Map<String, String> last = new LinkedHashMap<>();
        for (String s : settings) {
            String name = s.substring(0, s.indexOf('='));
            last.remove(name);
            last.put(name, s);
        }
        return List.copyOf(last.values());
    }

    public void allow(String... names) {
        Set<String> allowed = Set.of(names);
        for (String name : values.keySet()) {
            if (!allowed.contains(name)) {
                throw new MemberstatException(ErrorCode.USAGE, "unknown option --" + name + " for " + command
                        + " (allowed: " + String.join(", ", allowed.stream().map(n -> "--" + n).sorted().toList()) + ")");
            }
        }
    }

    public boolean flag(String name) {
        return "true".equals(values.get(name));
    }

    public String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** {@code --home}, else {@code $MEMBERSTAT_HOME}, else {@code ./data}. */
    public Path home() {
        String home = values.get("home");
        if (home == null) {
            home = System.getenv("MEMBERSTAT_HOME");
        }
        return Path.of(home == null || home.isBlank() ? "data" : home).toAbsolutePath().normalize();
    }

    public LocalDate date(LocalDate fallback) {
        String d = values.get("date");
        if (d == null) {
            return fallback;
        }
        try {
            return LocalDate.parse(d);
        } catch (DateTimeParseException e) {
            throw new MemberstatException(ErrorCode.USAGE, "--date '" + d + "' is not a date (YYYY-MM-DD)");
        }
    }

    public int intValue(String name, int fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new MemberstatException(ErrorCode.USAGE, "--" + name + " '" + v + "' is not a whole number");
        }
    }
}
