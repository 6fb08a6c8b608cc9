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

/**
 * The schema graph on each side of every migration: rows in {@code _zanith_schema_snapshot_rows}, each a manifest of
 * content-addressed parts in {@code _zanith_schema_snapshot_parts} ({@link GraphParts}), read back whole through the
 * view {@code _zanith_schema_snapshots}. A snapshot writes its manifest and only the parts not stored yet, so storing
 * one after each of many small migrations costs what they changed, not the schema's size each time.
 *
 * <p>An instance remembers the parts it stored or found stored, so that a run storing many snapshots asks the server
 * once; a failed write forgets them (its transaction may have rolled back). It also keeps the last graph's parts in
 * memory (its objects' compact JSON) to reuse for the next. Use one instance per apply run or shorter.
 */
public final class SchemaSnapshots {

    private final AuditTables tables;
    /** Parts known to be stored: found by a query, or written by a transaction of this instance that did not fail. */
    private final java.util.Set<String> stored = new java.util.HashSet<>();
    /**
     * The last graph saved, cut into parts: the next save reuses the parts of the objects both graphs share (a run's
     * graphs share all but what each migration changed). Held for the instance's life, like {@link #stored}.
     */
    private GraphParts last;

    public SchemaSnapshots(AuditTables tables) {
        this.tables = tables;
    }

    /**
     * Stores a snapshot: the parts of {@code graph} not stored yet, then its manifest row, with the graph's
     * fingerprint (the SHA-256 of its compact JSON) and counts. Part bodies compress with lz4 where the server has it
     * (see {@code audit/snapshot-compression.sql}; it changes a setting of the transaction of {@code c}, which should
     * be one that writes audit rows). A second {@code before} of the same migration (a resumed run) keeps the first
     * one, which shows the schema before anything of the migration ran; {@code after} is replaced.
     */
    public void save(Connection c, String migrationId, SnapshotPhase phase, SchemaGraph graph) throws SQLException {
        GraphParts parts = GraphParts.of(graph, last);
        last = parts;
        try {
            storeParts(c, parts);
            Jdbc.update(c, tables.sql("snapshot-insert.sql"), migrationId, phase.value(), parts.manifest(),
                    parts.fingerprint(), graph.tables().size(), graph.columnCount());
        } catch (SQLException | RuntimeException e) {
            stored.clear();
            throw e;
        }
    }

    private void storeParts(Connection c, GraphParts parts) throws SQLException {
        List<String> unknown = new ArrayList<>();
        for (String hash : parts.hashes()) {
            if (!stored.contains(hash)) {
                unknown.add(hash);
            }
        }
        if (unknown.isEmpty()) {
            return;
        }
        java.util.Set<String> missing = new java.util.LinkedHashSet<>(unknown);
        Jdbc.query(c, tables.sql("snapshot-parts-present.sql"), rs -> missing.remove(rs.getString(1)),
                Jdbc.textArray(c, unknown));
        if (!missing.isEmpty()) {
            List<String> bodies = new ArrayList<>(missing.size());
            for (String hash : missing) {
                bodies.add(parts.json(hash));
            }
            Jdbc.query(c, SqlResources.get("audit/snapshot-compression.sql"), rs -> null);
            Jdbc.update(c, tables.sql("snapshot-parts-insert.sql"), Jdbc.textArray(c, List.copyOf(missing)),
                    Jdbc.textArray(c, bodies));
        }
        stored.addAll(unknown);
    }

    /**
     * Stores a snapshot of the graph already stored as {@code fromMigrationId}/{@code fromPhase}, copied on the
     * server (nothing is serialized or sent again), with the conflict rule of {@link #save}.
     *
     * @return false when nothing was written: no such stored snapshot, or a {@code before} already stored
     */
    public boolean copy(Connection c, String migrationId, SnapshotPhase phase, String fromMigrationId,
                        SnapshotPhase fromPhase) throws SQLException {
        return Jdbc.update(c, tables.sql("snapshot-copy.sql"), migrationId, phase.value(), fromMigrationId,
                fromPhase.value()) > 0;
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
