package dev.zanith.internal.introspect;

import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.sql.SqlResources;
import dev.zanith.api.schema.TableName;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Catalog facts the risk model needs beyond the schema graph, read in one query each: the volatility of
 * functions (from {@code pg_proc.provolatile}) and which domains carry constraints. The planner and verify read
 * them the same way, so a step is judged on the same facts by both; the planner also reads which views select
 * which columns.
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

    /**
     * A domain as a column type change sees it.
     *
     * @param baseType    the type under the whole chain of domains, as {@code format_type} spells it
     *                    ({@code numeric(12,2)}), or null when unknown
     * @param constrained whether it or a domain it is based on has a CHECK or NOT NULL constraint
     */
    public record Domain(String baseType, boolean constrained) {
    }

    /** Every domain outside the system schemas, {@code schema.name} → its base type and whether it has constraints. */
    public static Map<String, Domain> domains(Connection c) throws SQLException {
        Map<String, Domain> result = new HashMap<>();
        Jdbc.query(c, SqlResources.get("introspect/domains.sql"), rs -> result.put(rs.getString("schema_name") + "."
                + rs.getString("domain_name"), new Domain(rs.getString("base_type"), rs.getBoolean("constrained"))));
        return result;
    }

    /** An exclusion constraint (by name; its index has the same name) that covers a column of a table. */
    public record ExclusionUse(TableName table, String column, String constraint) {
    }

    /**
     * Every column of a table outside the system schemas that an exclusion constraint covers (its keys, or what its
     * index's expressions and predicate mention, from {@code pg_constraint} and {@code pg_depend}): the schema graph
     * keeps an exclusion constraint as its definition text, and a type or collation change on such a column rebuilds
     * its index.
     */
    public static List<ExclusionUse> exclusionUses(Connection c) throws SQLException {
        return Jdbc.query(c, SqlResources.get("introspect/exclusion-columns.sql"), rs -> new ExclusionUse(
                new TableName(rs.getString("table_schema"), rs.getString("table_name")), rs.getString("column_name"),
                rs.getString("constraint_name")));
    }

    /** A view or rule ({@code schema.name}) that selects a column of a table. */
    public record ViewUse(TableName table, String column, String view) {
    }

    /**
     * Every column of a table outside the system schemas that a view, materialized view or rule selects (from
     * {@code pg_depend} on {@code pg_rewrite}): PostgreSQL refuses to change such a column's type.
     */
    public static List<ViewUse> viewUses(Connection c) throws SQLException {
        return Jdbc.query(c, SqlResources.get("introspect/view-columns.sql"), rs -> new ViewUse(
                new TableName(rs.getString("table_schema"), rs.getString("table_name")), rs.getString("column_name"),
                rs.getString("view_schema") + "." + rs.getString("view_name")));
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
