package dev.zanith.introspect;

import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.sql.SqlResources;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Catalog facts the risk model needs beyond the schema graph, read in one query each: the volatility of
 * functions (from {@code pg_proc.provolatile}) and which domains carry constraints. The planner and verify read
 * them the same way, so a step is judged on the same facts by both.
 */
public final class CatalogFacts {

    private static final String STRICTNESS = "isv";

    private CatalogFacts() {
    }

    /**
     * The volatility code ({@code i}, {@code s} or {@code v}, as {@code pg_proc.provolatile} spells it) of every
     * function name given, as {@code FunctionCalls} reports names: a qualified name by its schema, an unqualified
     * one as the strictest over all schemas and overloads. Names with no function are left out.
     */
    public static Map<String, String> volatility(Connection c, Collection<String> names) throws SQLException {
        if (names.isEmpty()) {
            return Map.of();
        }
        List<String> bare = names.stream().map(CatalogFacts::bare).distinct().toList();
        record Found(String schema, String name, String code) {
        }
        List<Found> found = Jdbc.query(c, SqlResources.get("introspect/function-volatility.sql"),
                rs -> new Found(rs.getString("schema_name"), rs.getString("function_name"), rs.getString("volatility")),
                Jdbc.textArray(c, bare));
        Map<String, String> result = new HashMap<>();
        for (String name : names) {
            String schema = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : null;
            String function = bare(name);
            found.stream().filter(f -> f.name().equals(function) && (schema == null || f.schema().equals(schema)))
                    .map(Found::code).reduce(CatalogFacts::strictest).ifPresent(v -> result.put(name, v));
        }
        return result;
    }

    /** Every domain outside the system schemas, {@code schema.name} → whether it (or a base domain) has constraints. */
    public static Map<String, Boolean> domains(Connection c) throws SQLException {
        Map<String, Boolean> result = new HashMap<>();
        Jdbc.query(c, SqlResources.get("introspect/domains.sql"), rs -> result.put(rs.getString("schema_name") + "."
                + rs.getString("domain_name"), rs.getBoolean("constrained")));
        return result;
    }

    private static String bare(String name) {
        return name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
    }

    /** The stricter of two codes; an unknown code counts as volatile. */
    private static String strictest(String a, String b) {
        return Math.max(rank(a), rank(b)) == rank(a) ? a : b;
    }

    private static int rank(String code) {
        int rank = code == null || code.length() != 1 ? -1 : STRICTNESS.indexOf(code.charAt(0));
        return rank < 0 ? STRICTNESS.length() : rank;
    }
}
