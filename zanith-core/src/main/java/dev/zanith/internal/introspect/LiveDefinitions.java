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
 * {@code pg_get_constraintdef}): domains, functions and procedures, exclusion constraints, views and materialized
 * views (with their indexes), triggers (and their enabled state), and the index each table is clustered on. Verify's shadow recreates
 * them around the schema graph so raw SQL touching them is rehearsed against them, not against their absence.
 * Partitioned tables and their partitions are in the graph itself ({@link dev.zanith.api.schema.Table#partitioning}).
 *
 * @param beforeTables  DDL to run before the graph's tables (domains, then functions: column types, defaults and
 *                      CHECKs use them), oldest object first
 * @param afterTables   DDL to run after the graph (exclusion constraints, views, materialized views and their indexes,
 *                      triggers, clustering),
 *                      oldest object first
 */
public record LiveDefinitions(List<Definition> beforeTables, List<Definition> afterTables) {

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
    }

    /** Nothing beyond the graph. */
    public static LiveDefinitions none() {
        return new LiveDefinitions(List.of(), List.of());
    }

    /** Reads them from the live catalog, for the schemas of {@code options}. */
    public static LiveDefinitions read(Connection c, IntrospectionOptions options) throws SQLException {
        Array schemas = Jdbc.textArray(c, options.schemas());
        String prefix = options.excludedPrefix();
        List<Definition> before = new ArrayList<>();
        List<Definition> after = new ArrayList<>();
        Jdbc.query(c, SqlResources.get("introspect/replay-domains.sql"), rs -> {
            String name = Identifiers.qualify(rs.getString("schema_name"), rs.getString("domain_name"));
            StringBuilder sql = new StringBuilder("CREATE DOMAIN ").append(name).append(" AS ")
                    .append(rs.getString("base_type"));
            if (rs.getString("collation_name") != null) {
                sql.append(" COLLATE ").append(Identifiers.qualify(rs.getString("collation_schema"),
                        rs.getString("collation_name")));
            }
            if (rs.getString("default_expression") != null) {
                sql.append(" DEFAULT ").append(rs.getString("default_expression"));
            }
            if (rs.getBoolean("not_null")) {
                sql.append(" NOT NULL");
            }
            String[] names = (String[]) rs.getArray("constraint_names").getArray();
            String[] definitions = (String[]) rs.getArray("constraint_definitions").getArray();
            for (int i = 0; i < names.length; i++) {
                sql.append(" CONSTRAINT ").append(Identifiers.quote(names[i])).append(' ').append(definitions[i]);
            }
            return before.add(new Definition("domain " + name, rs.getString("domain_name"), List.of(sql.toString())));
        }, schemas);
        Jdbc.query(c, SqlResources.get("introspect/replay-functions.sql"), rs -> before.add(new Definition(
                "function " + rs.getString("signature"), rs.getString("function_name"),
                List.of(rs.getString("definition")))), schemas);
        Jdbc.query(c, SqlResources.get("introspect/replay-views.sql"), rs -> {
            String name = Identifiers.qualify(rs.getString("schema_name"), rs.getString("view_name"));
            boolean materialized = rs.getBoolean("materialized");
            String with = rs.getString("options");
            String query = rs.getString("query").strip();
            if (query.endsWith(";")) {
                query = query.substring(0, query.length() - 1);
            }
            String sql = "CREATE " + (materialized ? "MATERIALIZED VIEW " : "VIEW ") + name
                    + (with == null || with.isEmpty() ? "" : " WITH (" + with + ")") + " AS " + query
                    + (materialized ? " WITH NO DATA" : "");
            return after.add(new Definition((materialized ? "materialized view " : "view ") + name,
                    rs.getString("view_name"), List.of(sql)));
        }, prefix, schemas);
        Jdbc.query(c, SqlResources.get("introspect/replay-table-extras.sql"), rs -> {
            String table = Identifiers.qualify(rs.getString("schema_name"), rs.getString("relation_name"));
            String object = rs.getString("object_name");
            return switch (rs.getString("kind")) {
                case "constraint" -> after.add(new Definition("exclusion constraint " + object + " on " + table, object,
                        List.of("ALTER TABLE " + table + " ADD CONSTRAINT " + Identifiers.quote(object) + " "
                                + rs.getString("definition"))));
                case "index" -> after.add(new Definition("index " + object + " on " + table, object,
                        List.of(rs.getString("definition"))));
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
        }, prefix, schemas, prefix, schemas, prefix, schemas, prefix, schemas);
        return new LiveDefinitions(before, after);
    }
}
