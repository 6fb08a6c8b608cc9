package dev.zanith.internal.recover;

import dev.zanith.api.output.ParkedChecksum;
import dev.zanith.api.output.Artifact;
import dev.zanith.api.output.ArtifactDefinition;
import dev.zanith.api.output.ArtifactFilter;
import dev.zanith.api.output.ArtifactStatus;
import dev.zanith.api.output.ArtifactType;
import dev.zanith.internal.audit.AuditTables;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.api.schema.TableName;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads and writes {@code _zanith_migration_artifacts}; SQL in {@code dev/zanith/sql/audit/artifact-*.sql}. */
public final class Artifacts {

    private final AuditTables tables;

    public Artifacts(AuditTables tables) {
        this.tables = tables;
    }

    public AuditTables tables() {
        return tables;
    }

    /** A new row, as the recorder builds it. */
    record NewArtifact(String id, String migrationId, int stepIndex, ArtifactType type, TableName source,
                       String sourceColumn, String physicalName, ArtifactDefinition definition, String checksum,
                       Long rowCount, Long sizeBytes, String recoverySql) {
    }

    void insert(Connection c, NewArtifact a, Duration retention) throws SQLException {
        Long retentionMs = retention == null || retention.isZero() ? null : retention.toMillis();
        Jdbc.update(c, tables.sql("artifact-insert.sql"), a.id(), a.migrationId(), a.stepIndex(), a.type().id(),
                a.source().schema(), a.source().name(), a.sourceColumn(), a.physicalName(),
                ArtifactJson.write(a.definition()), a.checksum(), a.rowCount(), a.sizeBytes(), a.recoverySql(),
                retentionMs);
    }

    /** Artifacts matching {@code filter}, newest first (oldest last). */
    public List<Artifact> list(Connection c, ArtifactFilter filter) throws SQLException {
        String type = filter.type() == null ? null : filter.type().id();
        return Jdbc.query(c, tables.sql("artifact-list.sql"), Artifacts::artifact, filter.schema(), filter.schema(),
                filter.table(), filter.table(), filter.column(), filter.column(), type, type);
    }

    public Optional<Artifact> find(Connection c, String id) throws SQLException {
        return Jdbc.queryFirst(c, tables.sql("artifact-by-id.sql"), Artifacts::artifact, id);
    }

    /** The artifact, locked until the end of the caller's transaction (restore, purge). */
    Optional<Artifact> lock(Connection c, String id) throws SQLException {
        return Jdbc.queryFirst(c, tables.sql("artifact-lock.sql"), Artifacts::artifact, id);
    }

    /** Expired artifacts, and with {@code olderThan} those created longer ago than that; oldest first. */
    List<Artifact> due(Connection c, Duration olderThan) throws SQLException {
        Long ms = olderThan == null ? null : olderThan.toMillis();
        return Jdbc.query(c, tables.sql("artifacts-due.sql"), Artifacts::artifact, ms, ms);
    }

    /** Live artifacts whose checksum is still to be computed, oldest first. */
    List<Artifact> unsummed(Connection c) throws SQLException {
        return Jdbc.query(c, tables.sql("artifacts-unsummed.sql"), Artifacts::artifact);
    }

    /** Stores a checksum computed after the artifact was recorded (no-op when one is there already). */
    void storeChecksum(Connection c, String id, ParkedChecksum sum) throws SQLException {
        Jdbc.update(c, tables.sql("artifact-checksum.sql"), sum.value(), sum.rows(), sum.bytes(), id);
    }

    void markRestored(Connection c, String id, String restoreId) throws SQLException {
        Jdbc.update(c, tables.sql("artifact-restored.sql"), restoreId, id);
    }

    void delete(Connection c, String id) throws SQLException {
        Jdbc.update(c, tables.sql("artifact-delete.sql"), id);
    }

    private static Artifact artifact(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        return new Artifact(id, rs.getString("migration_id"), rs.getInt("step_index"),
                ArtifactType.of(rs.getString("artifact_type")),
                new TableName(rs.getString("source_schema"), rs.getString("source_table")), rs.getString("source_column"),
                rs.getString("physical_name"), ArtifactJson.read(rs.getString("definition"), id),
                rs.getString("checksum"), (Long) rs.getObject("row_count", Long.class),
                (Long) rs.getObject("size_bytes", Long.class), rs.getString("recovery_sql"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("expires_at")),
                ArtifactStatus.of(rs.getString("status")), instant(rs.getTimestamp("status_changed_at")),
                rs.getString("restored_by"), rs.getString("restore_id"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
