package dev.zanith.internal.introspect;

import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.sql.Identifiers;
import dev.zanith.internal.sql.SqlResources;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a live database has beyond the schema graph, in the live catalog's own definitions
 * ({@code pg_get_functiondef}, {@code pg_get_viewdef}, {@code pg_get_triggerdef}, {@code pg_get_indexdef},
 * {@code pg_get_constraintdef}): domains, functions and procedures, exclusion constraints, triggers (and their
 * enabled state), and the index each table is clustered on. Verify's shadow recreates them around the schema graph
 * so raw SQL touching them is rehearsed against them, not against their absence. Views and materialized views (with
 * their indexes) are not among them: the schema graph models them, so the shadow gets them from the graph.
 * Partitioned tables and partitions are only named ({@link #notRecreated}): the graph does not model them yet.
 *
 * @param beforeTables  DDL to run before the graph's tables (domains, then functions: column types, defaults and
 *                      CHECKs use them), oldest object first
 * @param afterTables   DDL to run after the graph (exclusion constraints, triggers, clustering), oldest object first
 * @param notRecreated  objects the shadow will not have (no DDL): partitioned tables and partitions
 */
public record LiveDefinitions(List<Definition> beforeTables, List<Definition> afterTables, List<Definition> notRecreated) {

    /**
     * One object's DDL.
     *
     * @param object what it is, as a verdict names it: "function public.touch()", "trigger words_touch on public.words"
     * @param name   its unqualified name, to recognize a statement that mentions it
     * @param sql    the statements that recreate it
     */
    public record Definition(String object, String name, List<String> sql) {
        public Definition {
            sql = List.copyOf(sql);
        }
    }

    public LiveDefinitions {
        beforeTables = List.copyOf(beforeTables);
        afterTables = List.copyOf(afterTables);
        notRecreated = List.copyOf(notRecreated);
    }

    /** Nothing beyond the graph. */
    public static LiveDefinitions none() {
        return new LiveDefinitions(List.of(), List.of(), List.of());
    }

    /** Reads them from the live catalog, for the schemas of {@code options}. */
    public static LiveDefinitions read(Connection c, IntrospectionOptions options) throws SQLException {
        Array schemas = Jdbc.textArray(c, options.schemas());
        String prefix = options.excludedPrefix();
        List<Definition> before = new ArrayList<>();
        List<Definition> after = new ArrayList<>();
        Jdbc.query(c, SqlResources.get("introspect/replay-functions.sql"), rs -> before.add(new Definition(
                "function " + rs.getString("signature"), rs.getString("function_name"),
                List.of(rs.getString("definition")))), schemas);
        Jdbc.query(c, SqlResources.get("introspect/replay-table-extras.sql"), rs -> {
            String table = Identifiers.qualify(rs.getString("schema_name"), rs.getString("relation_name"));
            String object = rs.getString("object_name");
            return switch (rs.getString("kind")) {
                case "trigger" -> {
                    List<String> sql = new ArrayList<>(List.of(rs.getString("definition")));
                    String state = switch (rs.getString("enabled")) {
                        case "D" -> "DISABLE TRIGGER ";
                        case "R" -> "ENABLE REPLICA TRIGGER ";
                        case "A" -> "ENABLE ALWAYS TRIGGER ";
                        default -> null;
                    };
                    if (state != null) {
                        sql.add("ALTER TABLE " + table + " " + state + Identifiers.quote(object));
                    }
                    yield after.add(new Definition("trigger " + object + " on " + table, object, sql));
                }
                default -> after.add(new Definition("clustering of " + table + " on " + object, object,
                        List.of("ALTER TABLE " + table + " CLUSTER ON " + Identifiers.quote(object))));
            };
        }, prefix, schemas, prefix, schemas);
        List<Definition> missing = Jdbc.query(c, SqlResources.get("introspect/replay-partitioned.sql"),
                rs -> new Definition((rs.getBoolean("partitioned") ? "partitioned table " : "partition ")
                        + Identifiers.qualify(rs.getString("schema_name"), rs.getString("table_name")),
                        rs.getString("table_name"), List.of()), schemas);
        return new LiveDefinitions(before, after, missing);
    }
}
