package dev.zanith.internal.shadow;

import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.sql.SqlResources;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a database holds that someone made: how many tables, views, ... Objects that belong to an extension
 * count as that extension; plpgsql and an empty {@code public} schema do not count.
 */
record DatabaseContents(long tables, long views, long sequences, long foreignTables, long types, long functions,
                        long extensions, long schemas, long otherObjects) {

    static DatabaseContents read(Connection c) throws SQLException {
        return Jdbc.queryFirst(c, SqlResources.get("shadow/contents.sql"), rs -> new DatabaseContents(
                rs.getLong("tables"), rs.getLong("views"), rs.getLong("sequences"), rs.getLong("foreign_tables"),
                rs.getLong("types"), rs.getLong("functions"), rs.getLong("extensions"), rs.getLong("schemas"),
                rs.getLong("other_objects"))).orElseThrow();
    }

    boolean isEmpty() {
        return tables + views + sequences + foreignTables + types + functions + extensions + schemas
                + otherObjects == 0;
    }

    /** For people, e.g. "3 tables, 1 extension"; "nothing" when empty. */
    String describe() {
        List<String> parts = new ArrayList<>();
        add(parts, tables, "table", "tables");
        add(parts, views, "view", "views");
        add(parts, sequences, "sequence", "sequences");
        add(parts, foreignTables, "foreign table", "foreign tables");
        add(parts, types, "type", "types");
        add(parts, functions, "function", "functions");
        add(parts, extensions, "extension", "extensions");
        add(parts, schemas, "schema", "schemas");
        add(parts, otherObjects, "other object", "other objects");
        return parts.isEmpty() ? "nothing" : String.join(", ", parts);
    }

    private static void add(List<String> parts, long count, String one, String many) {
        if (count > 0) {
            parts.add(count + " " + (count == 1 ? one : many));
        }
    }
}
