package dev.zanith.internal.audit;

import dev.zanith.api.output.Snapshot;
import dev.zanith.api.output.SnapshotInfo;
import dev.zanith.api.output.SnapshotPhase;
import dev.zanith.internal.Checksums;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.sql.SqlResources;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.SchemaGraphJson;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The schema graph on each side of every migration, as jsonb in {@code _zanith_schema_snapshots}. */
public final class SchemaSnapshots {

    /** Edits beyond which storing the whole graph is cheaper than editing the stored one (measured at 1,000 tables). */
    static final int MAX_EDITS = 6;

    private final AuditTables tables;

    public SchemaSnapshots(AuditTables tables) {
        this.tables = tables;
    }

    /**
     * Stores a snapshot, compressed with lz4 where the server has it (see {@code audit/snapshot-compression.sql};
     * it changes a setting of the transaction of {@code c}, which should be one that writes audit rows). A second {@code before} of the same migration (a resumed run) keeps the first one, which
     * shows the schema before anything of the migration ran; {@code after} is replaced.
     */
    public void save(Connection c, String migrationId, SnapshotPhase phase, SchemaGraph graph) throws SQLException {
        String json = SchemaGraphJson.toCompactJson(graph); // serialized once: the fingerprint is its sha-256
        Jdbc.query(c, SqlResources.get("audit/snapshot-compression.sql"), rs -> null);
        Jdbc.update(c, tables.sql("snapshot-insert.sql"), migrationId, phase.value(), json,
                Checksums.sha256(json), graph.tables().size(), graph.columnCount());
    }

    /**
     * Stores a snapshot of {@code graph} as its differences from {@code base}, the graph already stored as
     * {@code baseMigrationId}/{@code basePhase}: only the changed top-level properties and tables are serialized and
     * sent, and the server edits a copy of the stored jsonb ({@code audit/snapshot-derive.sql}, {@link GraphChanges}),
     * so that a migration touching one table of a thousand sends one table. The row is the one {@link #save} would
     * write (same graph, same fingerprint), with the same conflict rule. More than {@value #MAX_EDITS} edits (each a
     * pass over the stored graph on the server) store the whole graph instead.
     *
     * @return false when nothing was written: no such stored snapshot, or a {@code before} already stored
     */
    public boolean saveDerived(Connection c, String migrationId, SnapshotPhase phase, SchemaGraph graph,
                               String baseMigrationId, SnapshotPhase basePhase, SchemaGraph base) throws SQLException {
        GraphChanges changes = GraphChanges.between(base, graph);
        if (changes.edits() > MAX_EDITS) {
            save(c, migrationId, phase, graph);
            return true;
        }
        List<Object> parameters = new ArrayList<>(List.of(migrationId, phase.value()));
        parameters.addAll(changes.parameters());
        parameters.addAll(List.of(Checksums.sha256(SchemaGraphJson.toCompactJson(graph)), graph.tables().size(),
                graph.columnCount(), baseMigrationId, basePhase.value()));
        Jdbc.query(c, SqlResources.get("audit/snapshot-compression.sql"), rs -> null);
        return Jdbc.update(c, tables.sql("snapshot-derive.sql").replace("{patched}", changes.expression()),
                parameters.toArray()) > 0;
    }

    /**
     * Stores a snapshot of the graph already stored as {@code fromMigrationId}/{@code fromPhase}, copied on the
     * server (the graph is not serialized or sent again), with the conflict rule of {@link #save}.
     *
     * @return false when nothing was written: no such stored snapshot, or a {@code before} already stored
     */
    public boolean copy(Connection c, String migrationId, SnapshotPhase phase, String fromMigrationId,
                        SnapshotPhase fromPhase) throws SQLException {
        // a derived snapshot without edits, keeping the stored fingerprint and counts
        return Jdbc.update(c, tables.sql("snapshot-derive.sql").replace("{patched}", "s.graph"), migrationId,
                phase.value(), null, null, null, fromMigrationId, fromPhase.value()) > 0;
    }

    /** Every snapshot (without graphs), oldest first; empty when the audit tables do not exist. */
    public List<SnapshotInfo> list(Connection c) throws SQLException {
        return Jdbc.query(c, tables.sql("snapshot-list.sql"), SchemaSnapshots::info);
    }

    public Optional<Snapshot> find(Connection c, long id) throws SQLException {
        return Jdbc.queryFirst(c, tables.sql("snapshot-by-id.sql"), SchemaSnapshots::snapshot, id);
    }

    public Optional<Snapshot> find(Connection c, String migrationId, SnapshotPhase phase) throws SQLException {
        return Jdbc.queryFirst(c, tables.sql("snapshot-by-migration.sql"), SchemaSnapshots::snapshot, migrationId,
                phase.value());
    }

    private static SnapshotInfo info(ResultSet rs) throws SQLException {
        return new SnapshotInfo(rs.getLong("id"), rs.getString("migration_id"), SnapshotPhase.of(rs.getString("phase")),
                rs.getString("fingerprint"), rs.getInt("model_count"), rs.getInt("field_count"),
                rs.getTimestamp("captured_at").toInstant());
    }

    private static Snapshot snapshot(ResultSet rs) throws SQLException {
        SnapshotInfo info = info(rs);
        return new Snapshot(info, SchemaGraphJson.fromJson(rs.getString("graph"), "snapshot " + info.id()
                + " (" + info.reference() + ")"));
    }
}
