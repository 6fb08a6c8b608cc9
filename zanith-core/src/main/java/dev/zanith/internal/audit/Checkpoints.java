package dev.zanith.internal.audit;

import dev.zanith.internal.jdbc.Jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** Resumable progress of long-running steps in {@code _zanith_migration_checkpoints}. */
public final class Checkpoints {

    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    private final AuditTables tables;

    public Checkpoints(AuditTables tables) {
        this.tables = tables;
    }

    public Optional<Checkpoint> get(Connection c, String migrationId, int stepIndex) throws SQLException {
        return Jdbc.queryFirst(c, tables.sql("checkpoint-get.sql"), rs -> new Checkpoint(rs.getString("cursor"),
                rs.getLong("processed_rows"), (Long) rs.getObject("total_rows", Long.class), rs.getString("status")),
                migrationId, stepIndex);
    }

    /** Upserts progress; call it in the transaction of the work it describes. */
    public void save(Connection c, String migrationId, int stepIndex, Checkpoint checkpoint) throws SQLException {
        Jdbc.update(c, tables.sql("checkpoint-save.sql"), migrationId, stepIndex, checkpoint.cursor(),
                checkpoint.processedRows(), checkpoint.totalRows(), checkpoint.status());
    }

    public void setStatus(Connection c, String migrationId, int stepIndex, String status) throws SQLException {
        Jdbc.update(c, tables.sql("checkpoint-status.sql"), status, migrationId, stepIndex);
    }
}
