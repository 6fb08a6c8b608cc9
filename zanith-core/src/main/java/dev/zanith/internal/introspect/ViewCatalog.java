package dev.zanith.internal.introspect;

import dev.zanith.api.schema.Index;
import dev.zanith.api.schema.ServerVersion;
import dev.zanith.api.schema.TableName;
import dev.zanith.api.schema.View;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.sql.SqlResources;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the views and materialized views of a database into the schema graph's form: one query for the views
 * ({@code introspect/views.sql}, with their columns' comments and the routines each calls), one for what each reads
 * ({@code introspect/view-dependencies.sql}) and one for the materialized views' indexes (the tables'
 * {@code introspect/indexes.sql}) — never one query per view. Runs inside the introspector's snapshot, with only
 * {@code pg_catalog} on the search path.
 */
final class ViewCatalog {

    private ViewCatalog() {
    }

    static List<View> read(Connection c, List<String> schemas, String excludedPrefix, ServerVersion version)
            throws SQLException {
        record Row(String schema, String name, boolean materialized, String definition, List<View.ViewColumn> columns,
                   List<String> options, boolean populated, String comment, List<String> routines) {
        }
        Map<Long, Row> rows = new LinkedHashMap<>();
        Jdbc.query(c, SqlResources.get("introspect/views.sql"), rs -> {
            List<String> names = Jdbc.strings(rs, "column_names");
            List<String> types = Jdbc.strings(rs, "column_types");
            List<String> comments = Jdbc.strings(rs, "column_comments");
            List<View.ViewColumn> columns = new ArrayList<>(names.size());
            for (int i = 0; i < names.size(); i++) {
                columns.add(new View.ViewColumn(names.get(i), types.get(i), comments.get(i)));
            }
            return rows.put(rs.getLong("view_oid"), new Row(rs.getString("schema_name"), rs.getString("view_name"),
                    rs.getBoolean("materialized"), normalize(rs.getString("definition")), columns,
                    Jdbc.strings(rs, "options"), rs.getBoolean("populated"), rs.getString("comment"),
                    Jdbc.strings(rs, "routines")));
        }, excludedPrefix, Jdbc.textArray(c, schemas));
        if (rows.isEmpty()) {
            return List.of();
        }
        Object oids = Jdbc.longArray(c, new ArrayList<>(rows.keySet()));
        Map<Long, List<View.ViewDependency>> dependencies = new HashMap<>();
        Jdbc.query(c, SqlResources.get("introspect/view-dependencies.sql"), rs -> dependencies
                .computeIfAbsent(rs.getLong("view_oid"), k -> new ArrayList<>())
                .add(new View.ViewDependency(new TableName(rs.getString("relation_schema"), rs.getString("relation_name")),
                        Jdbc.strings(rs, "columns"))), oids);
        Map<Long, List<Index>> indexes = new HashMap<>();
        List<Long> materialized = rows.entrySet().stream().filter(e -> e.getValue().materialized()).map(Map.Entry::getKey)
                .toList();
        if (!materialized.isEmpty()) {
            Jdbc.query(c, SqlResources.render("introspect/indexes.sql", Introspector.versionGates(version)), rs -> indexes
                    .computeIfAbsent(rs.getLong("table_oid"), k -> new ArrayList<>()).add(Introspector.index(rs)),
                    excludedPrefix, Jdbc.longArray(c, materialized));
        }
        List<View> views = new ArrayList<>(rows.size());
        rows.forEach((oid, row) -> views.add(new View(row.schema(), row.name(), row.materialized(), row.definition(),
                row.columns(), row.options(), row.materialized() && !row.populated(),
                indexes.getOrDefault(oid, List.of()), dependencies.getOrDefault(oid, List.of()), row.comment(),
                row.routines())));
        return views;
    }

    /** pg_get_viewdef's text without its leading blank and trailing semicolon: the query CREATE VIEW takes. */
    static String normalize(String definition) {
        String query = definition.strip();
        return query.endsWith(";") ? query.substring(0, query.length() - 1).stripTrailing() : query;
    }
}
