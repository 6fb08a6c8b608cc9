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
 * ({@code pg_get_triggerdef}): the triggers on views, materialized views and partitioned tables (enabled state
 * included), and the index each table or materialized view is clustered on. Domains, functions and procedures,
 * exclusion constraints, views and materialized views with their indexes, partitioned tables with their partitions
 * ({@link dev.zanith.api.schema.Table#partitioning}) and the triggers on ordinary tables are in the schema graph (the
 * shadow builds them from it), so they are not replayed here. Verify's shadow recreates these around the schema
 * graph so raw SQL touching them is rehearsed against them, not against their absence.
 *
 * <p>Nothing is replayed before the graph: what its tables need (domains, functions, types) is in the graph.
 *
 * @param afterTables DDL to run after the graph (triggers on views and partitioned tables, clustering), oldest
 *                    object first
 */
public record LiveDefinitions(List<Definition> afterTables) {

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
        afterTables = List.copyOf(afterTables);
    }

    /** Nothing beyond the graph. */
    public static LiveDefinitions none() {
        return new LiveDefinitions(List.of());
    }

    /** Reads them from the live catalog, for the schemas of {@code options}. */
    public static LiveDefinitions read(Connection c, IntrospectionOptions options) throws SQLException {
        Array schemas = Jdbc.textArray(c, options.schemas());
        String prefix = options.excludedPrefix();
        List<Definition> after = new ArrayList<>();
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
        return new LiveDefinitions(after);
    }
}
