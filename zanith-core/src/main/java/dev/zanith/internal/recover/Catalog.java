package dev.zanith.internal.recover;

import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.sql.SqlResources;
import dev.zanith.api.schema.TableName;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The few catalog questions recovery asks; SQL in {@code dev/zanith/sql/recover}. */
final class Catalog {

    /** A relation's total size (indexes and TOAST included) and its estimated rows. */
    record Size(long bytes, long estimatedRows) {
    }

    /** An object a table owns in its schema's relation namespace: {@code constraint}, {@code index}, {@code sequence}. */
    record Owned(String kind, String schema, String name) {
    }

    private Catalog() {
    }

    /** Whether a table, index, sequence or view of this name exists. */
    static boolean relationExists(Connection c, TableName name) throws SQLException {
        return flag(c, "recover/relation-exists.sql", name.sql());
    }

    static boolean columnExists(Connection c, TableName table, String column) throws SQLException {
        return flag(c, "recover/column-exists.sql", table.sql(), column);
    }

    static boolean constraintExists(Connection c, TableName table, String constraint) throws SQLException {
        return flag(c, "recover/constraint-exists.sql", table.sql(), constraint);
    }

    static boolean schemaExists(Connection c, String schema) throws SQLException {
        return flag(c, "recover/schema-exists.sql", schema);
    }

    /** Column name → type, in column order; empty when the relation does not exist. */
    static Map<String, String> columnTypes(Connection c, TableName relation) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        Jdbc.query(c, SqlResources.get("recover/column-types.sql"),
                rs -> types.put(rs.getString("column_name"), rs.getString("data_type")), relation.sql());
        return types;
    }

    /** The primary key's columns in key order; empty without one. */
    static List<String> primaryKey(Connection c, TableName table) throws SQLException {
        return Jdbc.query(c, SqlResources.get("apply/primary-key.sql"), rs -> rs.getString("column_name"), table.sql());
    }

    static Size size(Connection c, TableName relation) throws SQLException {
        return Jdbc.queryFirst(c, SqlResources.get("recover/relation-size.sql"),
                rs -> new Size(rs.getLong("total_bytes"), Math.max(0, rs.getLong("estimated_rows"))), relation.sql())
                .orElse(new Size(0, 0));
    }

    /** Indexes (through their constraint where they back one) and owned sequences of a table. */
    static List<Owned> owned(Connection c, TableName table) throws SQLException {
        return Jdbc.query(c, SqlResources.get("recover/owned-objects.sql"),
                rs -> new Owned(rs.getString("kind"), rs.getString("schema_name"), rs.getString("name")),
                table.sql(), table.sql(), table.sql());
    }

    private static boolean flag(Connection c, String resource, Object... params) throws SQLException {
        return Jdbc.queryFirst(c, SqlResources.get(resource), rs -> rs.getBoolean(1), params).orElse(false);
    }
}
