package dev.zanith.api.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A column type reduced to what risk needs: its canonical name ({@code character varying}, whatever the
 * spelling), its modifiers ({@code (20)}, {@code (12,2)}) and whether it is an array. Types come both as
 * {@code format_type()} prints them (live columns) and as people write them (migration files).
 *
 * @param base      canonical name: {@code integer}, {@code character varying}, {@code numeric},
 *                  {@code timestamp with time zone}, ... or the type as written for anything else
 * @param modifiers type modifiers, empty when unconstrained
 */
public record ColumnType(String base, List<Integer> modifiers, boolean array) {

    private static final Pattern MODIFIERS = Pattern.compile("\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");
    private static final Pattern ARRAY = Pattern.compile("(\\s*\\[\\s*\\d*\\s*])+$|\\s+array(\\s*\\[\\s*\\d*\\s*])?$");

    private static final Map<String, String> CANONICAL = Map.ofEntries(
            Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("serial", "integer"),
            Map.entry("serial4", "integer"), Map.entry("int8", "bigint"), Map.entry("bigserial", "bigint"),
            Map.entry("serial8", "bigint"), Map.entry("int2", "smallint"), Map.entry("smallserial", "smallint"),
            Map.entry("serial2", "smallint"), Map.entry("varchar", "character varying"),
            Map.entry("char", "character"), Map.entry("bpchar", "character"), Map.entry("decimal", "numeric"),
            Map.entry("float8", "double precision"), Map.entry("float", "double precision"),
            Map.entry("float4", "real"), Map.entry("timestamptz", "timestamp with time zone"),
            Map.entry("timestamp", "timestamp without time zone"), Map.entry("timetz", "time with time zone"),
            Map.entry("time", "time without time zone"), Map.entry("bool", "boolean"),
            Map.entry("varbit", "bit varying"));

    public ColumnType {
        modifiers = List.copyOf(modifiers);
    }

    public static ColumnType parse(String type) {
        String text = type.trim();
        boolean quoted = text.startsWith("\"") && !text.startsWith("\"char\"");
        String lower = quoted ? text : text.toLowerCase(Locale.ROOT);
        Matcher arrayMatcher = ARRAY.matcher(lower);
        boolean array = arrayMatcher.find();
        if (array) {
            lower = lower.substring(0, arrayMatcher.start());
        }
        List<Integer> modifiers = new ArrayList<>();
        Matcher m = MODIFIERS.matcher(lower);
        if (m.find()) {
            modifiers.add(Integer.parseInt(m.group(1)));
            if (m.group(2) != null) {
                modifiers.add(Integer.parseInt(m.group(2)));
            }
            lower = lower.substring(0, m.start()) + lower.substring(m.end());
        }
        String base = lower.replaceAll("\\s+", " ").trim();
        base = CANONICAL.getOrDefault(base, base);
        if (base.equals("double precision") && modifiers.size() == 1) {
            // float(p): p <= 24 means real
            base = modifiers.get(0) <= 24 ? "real" : "double precision";
            modifiers = List.of();
        }
        if (base.equals("character") && modifiers.isEmpty()) {
            modifiers = List.of(1);
        }
        return new ColumnType(base, modifiers, array);
    }

    public boolean isTextLike() {
        return !array && (base.equals("text") || base.equals("character varying") || base.equals("character")
                || base.equals("citext") || base.endsWith(".citext"));
    }

    /** smallint 2, integer 4, bigint 8; 0 for anything else. */
    public int integerBytes() {
        if (array) {
            return 0;
        }
        return switch (base) {
            case "smallint" -> 2;
            case "integer" -> 4;
            case "bigint" -> 8;
            default -> 0;
        };
    }

    /** The length limit of varchar(n), char(n) or bit varying(n), if any. */
    public @Nullable Integer length() {
        return (base.equals("character varying") || base.equals("character") || base.equals("bit varying")
                || base.equals("bit")) && !modifiers.isEmpty() ? modifiers.get(0) : null;
    }

    /** Fractional-seconds precision of time, timestamp and interval types, if constrained. */
    public @Nullable Integer timePrecision() {
        boolean temporal = base.startsWith("timestamp") || base.startsWith("time ") || base.equals("interval");
        return temporal && !modifiers.isEmpty() ? modifiers.get(0) : null;
    }

    public boolean isTemporal() {
        return base.startsWith("timestamp") || base.startsWith("time ") || base.equals("interval");
    }

    @Override
    public String toString() {
        String mods = modifiers.isEmpty() ? "" : modifiers.stream().map(String::valueOf)
                .reduce((a, b) -> a + "," + b).map(s -> "(" + s + ")").orElse("");
        return base + mods + (array ? "[]" : "");
    }
}
