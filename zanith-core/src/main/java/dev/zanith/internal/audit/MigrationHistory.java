package dev.zanith.internal.audit;

import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.output.AppliedMigration;
import dev.zanith.api.output.ChecksumRepair;
import dev.zanith.internal.jdbc.Jdbc;

import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.migration.MigrationNames;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    /**
     * Creates the audit tables and the snapshots view where missing, in one transaction under an advisory lock, and
     * turns the snapshots table of an earlier version into the rows the view reads (its rows keep their graphs).
     */
    public void ensureTables(Connection c) throws SQLException {
        Jdbc.inTransaction(c, tx -> {
            Jdbc.query(tx, "SELECT pg_advisory_xact_lock(?)", rs -> null, tables.lockKey("ddl"));
            String snapshots = Jdbc.queryFirst(tx, tables.sql("snapshot-relation-kind.sql"), rs -> rs.getString(1),
                    tables.schema(), tables.tableName("snapshots")).orElse("");
            if (snapshots.equals("r")) {
                upgradeSnapshots(tx); // a table from before the parts existed
            }
            Jdbc.execute(tx, tables.sql("create-tables.sql"));
            if (!snapshots.equals("v")) {
                Jdbc.execute(tx, tables.sql("snapshot-view.sql"));
            }
            if (snapshots.equals("r")) {
                // whoever could read the table reads the view (a dashboard's role, docs/GRAFANA.md)
                List<String> readers = Jdbc.query(tx, tables.sql("snapshot-readers.sql"), rs -> rs.getString(1),
                        tables.schema(), tables.tableName("snapshot_rows"));
                for (String reader : readers) {
                    Jdbc.execute(tx, "GRANT SELECT ON " + tables.qualified("snapshots") + " TO "
                            + (reader == null ? "PUBLIC" : Identifiers.quote(reader)));
                }
            }
            return null;
        });
    }

    private void upgradeSnapshots(Connection tx) throws SQLException {
        String role = currentUser(tx); // asked first: after a failure the transaction answers nothing more
        try {
            Jdbc.execute(tx, tables.sql("snapshot-upgrade.sql"));
        } catch (SQLException e) {
            if (!"42501".equals(e.getSQLState())) {
                throw e;
            }
            throw new ZanithException("The snapshots table " + tables.schema() + "." + tables.tableName("snapshots")
                    + " of an earlier Zanith version must become " + tables.tableName("snapshot_rows") + " (read "
                    + "through a view of the old name), and only its owner can rename it: " + e.getMessage()
                    + ". Run one apply as the table's owner, or give it to the migration role (ALTER TABLE "
                    + tables.qualified("snapshots") + " OWNER TO " + Identifiers.quote(role)
                    + "). Nothing was changed.", e);
        }
    }

    private static String currentUser(Connection tx) throws SQLException {
        return Jdbc.queryFirst(tx, "SELECT current_user", rs -> rs.getString(1)).orElse("?");
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
        return Jdbc.query(c, tables.sql("applied.sql"), MigrationHistory::row);
    }

    private static AppliedMigration row(java.sql.ResultSet rs) throws SQLException {
        return new AppliedMigration(rs.getString("id"), rs.getString("checksum"), rs.getTimestamp("applied_at").toInstant(),
                rs.getLong("duration_ms"), rs.getString("applied_by"), rs.getString("description"),
                repairs(rs.getString("repairs")), AppliedMigration.Kind.of(rs.getString("kind")),
                rs.getString("adopted_from"));
    }

    /** The most recently applied migration, restores left out; empty when none (or no ledger yet). */
    public Optional<AppliedMigration> lastApplied(Connection c) throws SQLException {
        return Jdbc.queryFirst(c, tables.sql("last-applied.sql"), MigrationHistory::row, AppliedMigration.RESTORE_ID_PREFIX);
    }

    /**
     * Counts of the ledger and the ids among {@code fileIds} that it does not hold, in one round trip; call only when
     * the ledger {@link #exists exists}.
     */
    public LedgerSummary summary(Connection c, List<String> fileIds) throws SQLException {
        return Jdbc.queryFirst(c, tables.sql("ledger-summary.sql"), rs -> {
                    Baselines baselines = Baselines.of(Jdbc.strings(rs, "baselines"));
                    return new LedgerSummary(rs.getLong("migrations"), rs.getLong("restores"),
                            Jdbc.strings(rs, "pending").stream().filter(id -> !baselines.covers(id)).toList());
                }, AppliedMigration.RESTORE_ID_PREFIX,
                AppliedMigration.RESTORE_ID_PREFIX, Jdbc.textArray(c, fileIds)).orElseThrow();
    }

    /**
     * @param migrations applied migrations (restores left out)
     * @param restores   restores recorded in the ledger
     * @param notApplied the given ids the ledger does not hold and no baseline covers ({@link Baselines}), in the
     *                   order given
     */
    public record LedgerSummary(long migrations, long restores, List<String> notApplied) {
    }

    /**
     * Replaces the ledger checksum of an applied migration on purpose, recording the previous value, who and when
     * in its {@code repairs} column.
     *
     * @return false when the ledger no longer holds {@code previous} for {@code id} (someone else changed it)
     */
    public boolean acceptChecksum(Connection c, String id, String previous, String accepted, String location)
            throws SQLException {
        return Jdbc.update(c, tables.sql("migration-repair.sql"), accepted, location, accepted, id, previous) == 1;
    }

    /**
     * Records a ledger row for something Zanith did not run (a baseline, an adopted migration), in the caller's
     * transaction.
     *
     * @param appliedAt   when it really happened (for an adopted migration: the other tool's time)
     * @param adoptedFrom the other tool's record as JSON text, or null
     */
    public void recordWithoutRunning(Connection tx, String id, String checksum, java.time.Instant appliedAt,
                                     long durationMs, String appliedBy, String description, AppliedMigration.Kind kind,
                                     String adoptedFrom) throws SQLException {
        Jdbc.update(tx, tables.sql("migration-insert-recorded.sql"), id, checksum,
                java.sql.Timestamp.from(appliedAt), durationMs, appliedBy, description, kind.value(), adoptedFrom);
    }

    /**
     * Built on the first ledger row with repairs: reading a ledger without any (the column's empty array; every
     * application restart with nothing pending reads it) must not pay for initialising Jackson (~500 classes).
     */
    private static final class Repairs {
        static final ObjectMapper JSON = JsonMapper.builder().build();
    }

    private static List<ChecksumRepair> repairs(String json) {
        if (json == null || json.isBlank() || json.strip().equals("[]")) {
            return List.of();
        }
        try {
            List<ChecksumRepair> repairs = new ArrayList<>();
            for (JsonNode node : Repairs.JSON.readTree(json)) {
                repairs.add(new ChecksumRepair(OffsetDateTime.parse(node.path("at").asString()).toInstant(),
                        node.path("by").asString(), node.path("previous").asString(), node.path("accepted").asString(),
                        node.path("location").asString()));
            }
            return repairs;
        } catch (RuntimeException e) {
            throw new ZanithException("The repairs column of the migrations ledger holds unreadable JSON (" + json
                    + "): " + e.getMessage(), e);
        }
    }
}
