package dev.zanith.grafana;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What Grafana does with a PostgreSQL panel query, for tests: it interpolates the dashboard variables in the browser
 * (TemplateSrv with the SQL data sources' formatter), then the backend expands the global and the PostgreSQL macros
 * for the panel's time range, runs the text, and turns each column into a typed data frame field. Written from
 * Grafana's sources ({@code public/app/features/templating/template_srv.ts}, {@code @grafana/sql}'s
 * {@code SqlDatasource.interpolateVariable}, {@code pkg/tsdb/grafana-postgresql-datasource/macros.go} and
 * {@code sqleng/sql_engine.go}) and its PostgreSQL data source documentation; macros it does not implement fail
 * loudly instead of passing.
 */
final class GrafanaPostgres {

    /** TemplateSrv's variable syntaxes: {@code $name}, {@code [[name:format]]}, {@code ${name.path:format}}. */
    private static final Pattern VARIABLE =
            Pattern.compile("\\$(\\w+)|\\[\\[(\\w+?)(?::(\\w+))?]]|\\$\\{(\\w+)(?:\\.([^:^}]+))?(?::([^}]+))?}");
    /** macros.go's sExpr: {@code $name(args)}; arguments cannot contain a closing parenthesis. */
    private static final Pattern MACRO = Pattern.compile("\\$([_a-zA-Z0-9]+)\\(([^)]*)\\)");
    /** Grafana's built-in names that are macros or backend globals, not dashboard variables. */
    private static final Set<String> MACRO_NAMES = Set.of("__time", "__timeEpoch", "__timeFilter", "__timeFrom",
            "__timeTo", "__timeGroup", "__timeGroupAlias", "__unixEpochFilter", "__unixEpochNanoFilter",
            "__unixEpochNanoFrom", "__unixEpochNanoTo", "__unixEpochGroup", "__unixEpochGroupAlias",
            "__unixEpochFrom", "__unixEpochTo", "__interval", "__interval_ms");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private GrafanaPostgres() {
    }

    /** A dashboard time range as the browser sends it: millisecond precision. */
    record TimeRange(Instant from, Instant to) {
        TimeRange {
            from = from.truncatedTo(ChronoUnit.MILLIS);
            to = to.truncatedTo(ChronoUnit.MILLIS);
        }
    }

    /** A dashboard variable's current value(s). */
    record Variable(String name, List<String> values, boolean multi, boolean includeAll) {
        static Variable single(String name, String value) {
            return new Variable(name, List.of(value), false, false);
        }
    }

    /** One column of the data frame Grafana builds: its name, Grafana field type and values. */
    record Field(String name, String pgType, FieldType type, List<Object> values) {
    }

    /** Grafana's field types, as {@code getFieldTypesFromDescriptions} assigns them to PostgreSQL types. */
    enum FieldType { NUMBER, BOOLEAN, TIME, JSON, STRING }

    /** The rows of a query as Grafana's frame: fields in column order. */
    record Frame(List<Field> fields) {
        Field field(String name) {
            return fields.stream().filter(f -> f.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no column " + name + " in " + names()));
        }

        List<String> names() {
            return fields.stream().map(Field::name).toList();
        }

        int rows() {
            return fields.isEmpty() ? 0 : fields.get(0).values().size();
        }

        /** Row {@code i} as column → value. */
        Map<String, Object> row(int i) {
            Map<String, Object> row = new LinkedHashMap<>();
            fields.forEach(f -> row.put(f.name(), f.values().get(i)));
            return row;
        }

        List<Map<String, Object>> rowMaps() {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < rows(); i++) {
                rows.add(row(i));
            }
            return rows;
        }

        List<Object> column(String name) {
            return field(name).values();
        }
    }

    /**
     * The names of the dashboard variables a text refers to, whichever syntax it uses; Grafana's own global variables
     * and macros are left out (it reserves names that start with {@code __} for them).
     */
    static Set<String> referencedVariables(String text) {
        Set<String> names = new java.util.LinkedHashSet<>();
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            String name = name(m);
            if (!name.startsWith("__")) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * The query text the PostgreSQL server receives: variables interpolated as the browser does, then the backend's
     * global substitutions and PostgreSQL macros for {@code range}.
     *
     * @throws IllegalArgumentException for a variable the dashboard does not define, a variable format or a macro
     *                                  this class does not implement, or a macro Grafana would reject
     */
    static String interpolate(String sql, Map<String, Variable> variables, TimeRange range) {
        return macros(globals(variables(sql, variables), range), range);
    }

    /** TemplateSrv.replace with the SQL data sources' default formatter (interpolateVariable). */
    static String variables(String sql, Map<String, Variable> variables) {
        Matcher m = VARIABLE.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = name(m);
            String format = m.group(3) != null ? m.group(3) : m.group(6);
            if (MACRO_NAMES.contains(name)) {
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                continue;
            }
            if (m.group(5) != null) {
                throw new IllegalArgumentException("${" + name + "." + m.group(5) + "}: field paths are not implemented");
            }
            Variable variable = variables.get(name);
            if (variable == null) {
                // TemplateSrv leaves an unknown variable as it is; the query would then fail or, worse, run.
                throw new IllegalArgumentException("$" + name + " is not a dashboard variable");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(format(variable, format)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The variable name of a {@link #VARIABLE} match, whichever of the three syntaxes matched. */
    private static String name(Matcher m) {
        return m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(4);
    }

    private static String format(Variable variable, String format) {
        if ("raw".equals(format)) {
            return String.join(",", variable.values());
        }
        if (format != null) {
            throw new IllegalArgumentException("variable format '" + format + "' is not implemented");
        }
        // @grafana/sql SqlDatasource.interpolateVariable: a single value has its quotes doubled (the query supplies the
        // surrounding quotes); multi-value and All values are each quoted as literals and joined by commas.
        if (variable.multi() || variable.includeAll() || variable.values().size() != 1) {
            return variable.values().stream().map(v -> "'" + v.replace("'", "''") + "'").collect(Collectors.joining(","));
        }
        return variable.values().get(0).replace("'", "''");
    }

    /** sqleng.Interpolate: the substitutions every SQL data source makes before its macros. */
    private static String globals(String sql, TimeRange range) {
        if (sql.contains("$__interval")) {
            throw new IllegalArgumentException("$__interval / $__interval_ms depend on the panel width: not implemented");
        }
        return sql.replace("$__unixEpochFrom()", Long.toString(range.from().getEpochSecond()))
                .replace("$__unixEpochTo()", Long.toString(range.to().getEpochSecond()));
    }

    /** postgresMacroEngine.Interpolate: each {@code $__macro(args)}, arguments split on commas and trimmed. */
    private static String macros(String sql, TimeRange range) {
        Matcher m = MACRO.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String[] args = m.group(2).split(",", -1);
            for (int i = 0; i < args.length; i++) {
                args[i] = args[i].strip();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(macro(m.group(1), args, range)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String macro(String name, String[] args, TimeRange range) {
        String from = rfc3339Nano(range.from());
        String to = rfc3339Nano(range.to());
        return switch (name) {
            case "__time" -> args[0] + " AS \"time\"";
            case "__timeEpoch" -> "extract(epoch from " + args[0] + ") as \"time\"";
            case "__timeFilter" -> args[0] + " BETWEEN '" + from + "' AND '" + to + "'";
            case "__timeFrom" -> "'" + from + "'";
            case "__timeTo" -> "'" + to + "'";
            case "__unixEpochFilter" -> args[0] + " >= " + range.from().getEpochSecond() + " AND " + args[0] + " <= "
                    + range.to().getEpochSecond();
            case "__timeGroup", "__timeGroupAlias", "__unixEpochGroup", "__unixEpochGroupAlias" ->
                    throw new IllegalArgumentException("$" + name + " is not implemented here: implement it before using it");
            default -> throw new IllegalArgumentException("unknown macro \"" + name + "\"");
        };
    }

    /** Go's {@code time.RFC3339Nano} of a UTC time: fraction digits without trailing zeros, none when zero. */
    static String rfc3339Nano(Instant instant) {
        String fraction = String.format("%09d", instant.getNano()).replaceFirst("0+$", "");
        return SECONDS.format(instant) + (fraction.isEmpty() ? "" : "." + fraction) + "Z";
    }

    /** Runs the interpolated text as Grafana's backend does (one simple-protocol execution) and builds the frame. */
    static Frame run(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<Field> fields = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String pgType = meta.getColumnTypeName(i);
                fields.add(new Field(meta.getColumnLabel(i), pgType, fieldType(pgType), new ArrayList<>()));
            }
            while (rs.next()) {
                for (int i = 1; i <= fields.size(); i++) {
                    Object value = rs.getObject(i);
                    if (value instanceof java.sql.Timestamp t) {
                        value = t.toInstant();
                    } else if (value instanceof java.sql.Array array) {
                        value = List.of((Object[]) array.getArray());
                    } else if (value instanceof org.postgresql.util.PGobject o) {
                        value = o.getValue();
                    }
                    fields.get(i - 1).values().add(value);
                }
            }
            return new Frame(fields);
        }
    }

    /** sqleng's getFieldTypesFromDescriptions: PostgreSQL type name → Grafana field type. */
    static FieldType fieldType(String pgType) {
        return switch (pgType) {
            case "int2", "int4", "int8", "float4", "float8", "numeric" -> FieldType.NUMBER;
            case "bool" -> FieldType.BOOLEAN;
            case "timestamptz", "timestamp", "date" -> FieldType.TIME;
            case "json", "jsonb" -> FieldType.JSON;
            default -> FieldType.STRING;
        };
    }
}
