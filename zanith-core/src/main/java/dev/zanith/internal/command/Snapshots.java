package dev.zanith.internal.command;

import dev.zanith.api.output.SnapshotComparison;
import dev.zanith.internal.config.Settings;
import dev.zanith.internal.jdbc.ConnectionSource;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.audit.AuditTables;
import dev.zanith.internal.audit.MigrationHistory;
import dev.zanith.internal.audit.SchemaSnapshots;
import dev.zanith.api.output.Snapshot;
import dev.zanith.api.output.SnapshotDiff;
import dev.zanith.api.output.SnapshotInfo;
import dev.zanith.api.output.SnapshotPhase;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * {@code zanith snapshot list|show|diff}: the stored schema snapshots. A snapshot is named by its number
 * ({@code 7}), by {@code MIGRATION_ID:before} / {@code MIGRATION_ID:after}, or by a migration id alone (its
 * {@code after} snapshot). Read-only.
 */
public final class Snapshots {

    private final Settings config;

    public Snapshots(Settings config) {
        this.config = config;
    }

    public List<SnapshotInfo> list() {
        return read(c -> new SchemaSnapshots(config.auditTables()).list(c), List.of());
    }

    public Snapshot show(String reference) {
        return read(c -> find(c, reference), null);
    }

    public SnapshotComparison diff(String from, String to) {
        return read(c -> {
            Snapshot a = find(c, from);
            Snapshot b = find(c, to);
            return new SnapshotComparison(a, b, SnapshotDiff.between(a.graph(), b.graph()));
        }, null);
    }

    /** One snapshot by reference; empty when there is none (nor any audit table yet). */
    public Optional<Snapshot> lookup(String reference) {
        return read(c -> lookup(c, reference), Optional.empty());
    }

    private Snapshot find(Connection c, String reference) throws SQLException {
        return lookup(c, reference).orElseThrow(() -> new ZanithException("No snapshot '" + reference + "' in "
                + Apply.target(config) + ". Name one by its number, MIGRATION_ID:before|after, or a migration id "
                + "(its after snapshot); list them with: zanith snapshot list"));
    }

    private Optional<Snapshot> lookup(Connection c, String reference) throws SQLException {
        SchemaSnapshots snapshots = new SchemaSnapshots(config.auditTables());
        String ref = reference.trim();
        Optional<Snapshot> found;
        if (ref.matches("\\d{1,18}")) {
            found = snapshots.find(c, Long.parseLong(ref));
            if (found.isPresent()) {
                return found;
            }
        }
        int colon = ref.lastIndexOf(':');
        String suffix = colon < 0 ? "" : ref.substring(colon + 1);
        if (suffix.equals("before") || suffix.equals("after")) {
            found = snapshots.find(c, ref.substring(0, colon), SnapshotPhase.of(suffix));
        } else {
            found = snapshots.find(c, ref, SnapshotPhase.AFTER);
        }
        return found;
    }

    @FunctionalInterface
    private interface Read<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T read(Read<T> work, T whenUninitialized) {
        AuditTables tables = config.auditTables();
        try (Connection c = config.connectionSource().open()) {
            c.setAutoCommit(true);
            if (!new MigrationHistory(tables).exists(c)) {
                if (whenUninitialized != null) {
                    return whenUninitialized;
                }
                throw new ZanithException("No snapshots in " + Apply.target(config)
                        + ": nothing has been applied there yet (check --url, --audit-schema and --table-prefix).");
            }
            return work.run(c);
        } catch (SQLException e) {
            throw new ZanithException("Reading snapshots of " + config.connectionSource().describeTarget()
                    + " failed: " + ConnectionSource.message(e), e);
        }
    }
}
