package dev.zanith.internal.migration;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks column type names in migration files before anything runs: PostgreSQL's built-in types (any
 * spelling, with modifiers and array brackets) or a schema-qualified user type ({@code public.mood}), whose
 * existence the planner checks against the database.
 */
public final class ColumnTypes {

    private static final Set<String> BUILT_IN = Set.of(
            "smallint", "integer", "int", "int2", "int4", "int8", "bigint", "decimal", "numeric", "real", "float4",
            "float8", "float", "double precision", "smallserial", "serial", "bigserial", "serial2", "serial4", "serial8",
            "money", "text", "character varying", "varchar", "character", "char", "bpchar", "\"char\"", "name", "bytea",
            "timestamp", "timestamp without time zone", "timestamp with time zone", "timestamptz", "date", "time",
            "time without time zone", "time with time zone", "timetz", "interval", "boolean", "bool", "point", "line",
            "lseg", "box", "path", "polygon", "circle", "cidr", "inet", "macaddr", "macaddr8", "bit", "bit varying",
            "varbit", "tsvector", "tsquery", "uuid", "xml", "json", "jsonb", "jsonpath", "int4range", "int8range",
            "numrange", "tsrange", "tstzrange", "daterange", "int4multirange", "int8multirange", "nummultirange",
            "tsmultirange", "tstzmultirange", "datemultirange", "oid", "regclass", "regtype", "regproc", "regprocedure",
            "regnamespace", "regrole", "regconfig", "pg_lsn", "pg_snapshot", "txid_snapshot", "xid", "xid8", "cid", "tid");

    private static final Set<String> INTERVAL_FIELDS = Set.of("year", "month", "day", "hour", "minute", "second",
            "year to month", "day to hour", "day to minute", "day to second", "hour to minute", "hour to second",
            "minute to second");

    private static final Pattern MODIFIERS = Pattern.compile("\\s*\\(\\s*-?\\d+\\s*(,\\s*-?\\d+\\s*)?\\)");
    private static final Pattern ARRAY = Pattern.compile("(\\s*\\[\\s*\\d*\\s*\\])+$|\\s+array(\\s*\\[\\s*\\d*\\s*\\])?$");

    private ColumnTypes() {
    }

    /** Why {@code type} is not a usable column type, or empty when it is. */
    public static Optional<String> problem(String type) {
        if (type == null || type.isBlank()) {
            return Optional.of("the column type is empty");
        }
        String trimmed = type.trim();
        if (trimmed.contains(".") || trimmed.startsWith("\"") && !trimmed.startsWith("\"char\"")) {
            return Optional.empty(); // a user type; the planner checks it exists
        }
        String normalized = ARRAY.matcher(MODIFIERS.matcher(trimmed.toLowerCase(Locale.ROOT)).replaceAll(""))
                .replaceAll("").replaceAll("\\s+", " ").trim();
        if (BUILT_IN.contains(normalized)) {
            return Optional.empty();
        }
        if (normalized.startsWith("interval ") && INTERVAL_FIELDS.contains(normalized.substring("interval ".length()))) {
            return Optional.empty();
        }
        String suggestion = BUILT_IN.stream().min(Comparator.comparingInt(candidate -> distance(candidate, normalized)))
                .filter(candidate -> distance(candidate, normalized) <= 3).map(c -> " (did you mean '" + c + "'?)")
                .orElse("");
        return Optional.of("unknown column type '" + type + "'" + suggestion + ". Use a PostgreSQL type such as text, "
                + "integer or timestamp with time zone; qualify an enum, domain or extension type with its schema "
                + "(public.mood, public.citext)");
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
