package dev.zanith.audit;

import dev.zanith.internal.jdbc.Jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The history tables behind one abstraction: created idempotently on first use (serialized by an advisory
 * transaction lock, so two processes connecting at once are harmless), read without creating anything.
 */
public final class MigrationHistory {

    private final AuditTables tables;

    public MigrationHistory(AuditTables tables) {
        this.tables = tables;
    }

    public AuditTables tables() {
        return tables;
    }

    /** Creates the five audit tables if they are missing. */
    public void ensureTables(Connection c) throws SQLException {
        Jdbc.inTransaction(c, tx -> {
            Jdbc.query(tx, "SELECT pg_advisory_xact_lock(?)", rs -> null, tables.lockKey("ddl"));
            Jdbc.execute(tx, tables.sql("create-tables.sql"));
            return null;
        });
    }

    /** Whether the ledger exists (read-only callers such as plan treat a missing ledger as empty history). */
    public boolean exists(Connection c) throws SQLException {
        return Jdbc.queryFirst(c, tables.sql("tables-exist.sql"), rs -> rs.getBoolean(1), tables.schema(),
                tables.tableName("migrations")).orElse(false);
    }

    /** Applied migrations in the order they were applied; empty when the ledger does not exist yet. */
    public List<AppliedMigration> applied(Connection c) throws SQLException {
        if (!exists(c)) {
            return List.of();
        }
        return Jdbc.query(c, tables.sql("applied.sql"), rs -> new AppliedMigration(rs.getString("id"),
                rs.getString("checksum"), rs.getTimestamp("applied_at").toInstant(), rs.getLong("duration_ms"),
                rs.getString("applied_by"), rs.getString("description")));
    }
}
