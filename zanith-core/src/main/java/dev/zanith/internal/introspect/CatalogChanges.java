package dev.zanith.internal.introspect;

import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.sql.SqlResources;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;

/**
 * What one migration's own transactions changed in the catalogs, observed inside each of them right before it
 * commits ({@code introspect/catalog-changes-capture.sql}), so that {@link Introspector#refresh(Connection,
 * TrackedSchema, CatalogChanges)} computes the table versions of those tables only instead of all of them: the cost of
 * the refresh follows the migration, not the schema.
 * <p>
 * Why this is complete for the tables: every DDL statement on a table, or on its columns, constraints, indexes,
 * triggers, policies, owned sequences or comments, locks a relation of that table until the transaction ends (a
 * dropped relation's oid included), and PostgreSQL writes no such catalog row without it — except {@code GRANT} and
 * {@code REVOKE}, which update a {@code pg_class} or {@code pg_attribute} row without any lock; those rows carry the
 * transaction's id or one of its subtransactions' as xmin, never older than its own id (a subtransaction gets its id
 * after its parent; a committed one's id is listed nowhere), so the refresh looks for rows from the first captured
 * id on (other sessions' ids in that range only add tables). What a capture cannot see makes the migration <em>uncovered</em>, and the
 * refresh then compares every table's version as before: a statement that ran outside a captured transaction
 * ({@code CREATE INDEX CONCURRENTLY}, a script run statement by statement, a backfill, a step an earlier run did),
 * and servers that keep no per-transaction counters ({@code track_counts = off}). Changes made meanwhile by other
 * sessions are not seen here either; the refresh after the last migration of a run compares every table.
 * <p>
 * Not thread-safe: one instance per migration, used by the applying thread.
 */
public final class CatalogChanges {

    private final boolean observing;
    private final Set<Long> lockedRelations = new HashSet<>();
    private final Set<String> writtenCatalogs = new HashSet<>();
    /** The first captured transaction's id (xid8; -1: none yet): its catalog rows and later ones carry one from on. */
    private long xidFrom = -1;
    private boolean classesUpdated;
    private boolean attributesUpdated;
    private boolean uncovered;

    /** Changes to be observed. */
    public CatalogChanges() {
        this(true);
    }

    private CatalogChanges(boolean observing) {
        this.observing = observing;
    }

    /** Changes nobody will read (no snapshots are taken): {@link #capture} costs nothing and records nothing. */
    public static CatalogChanges unobserved() {
        return new CatalogChanges(false);
    }

    /**
     * Records what the transaction of {@code tx} has changed so far. Call inside it, after its last statement and
     * before it commits.
     *
     * @throws SQLException when the capture query fails (the transaction is then aborted, like any failed statement)
     */
    public void capture(Connection tx) throws SQLException {
        if (!observing) {
            return;
        }
        Jdbc.query(tx, captureSql(tx), rs -> {
            lockedRelations.addAll(Jdbc.longs(rs, "relations"));
            writtenCatalogs.addAll(Jdbc.strings(rs, "written_catalogs"));
            long from = rs.getLong("xid_from");
            if (rs.wasNull()) {
                uncovered = true; // nothing written (cannot be: "done" writes), or nothing to go by
            } else {
                xidFrom = xidFrom < 0 ? from : Math.min(xidFrom, from);
            }
            classesUpdated |= rs.getBoolean("classes_updated");
            attributesUpdated |= rs.getBoolean("attributes_updated");
            if (!rs.getBoolean("counted")) {
                uncovered = true;
            }
            return null;
        }, Jdbc.textArray(tx, CatalogParts.WATCHED));
    }

    /**
     * The capture query, which also asks the session to report its statistics counters when the transaction ends
     * (PostgreSQL 15+: {@code pg_stat_force_next_flush()}), so that the next migration's capture counts its own
     * writes only (the server version is a connection property: no round trip).
     */
    private static String captureSql(Connection tx) throws SQLException {
        boolean flush = tx.getMetaData().getDatabaseMajorVersion() >= 15;
        return flush ? CAPTURE_FLUSHING : CAPTURE;
    }

    private static final String CAPTURE = SqlResources.render("introspect/catalog-changes-capture.sql",
            java.util.Map.of("flush", "false"));
    private static final String CAPTURE_FLUSHING = SqlResources.render("introspect/catalog-changes-capture.sql",
            java.util.Map.of("flush", "(SELECT true FROM pg_catalog.pg_stat_force_next_flush() f)"));

    /** Records that some of the migration's catalog changes happened outside a captured transaction. */
    public void uncovered() {
        uncovered = true;
    }

    /** Whether every transaction of the migration that may have changed the catalogs was captured. */
    public boolean covered() {
        return observing && !uncovered && xidFrom >= 0;
    }

    /** Oids of the relations the captured transactions locked (tables, indexes, sequences, views, TOAST tables). */
    Set<Long> lockedRelations() {
        return Set.copyOf(lockedRelations);
    }

    /**
     * Names of the system catalogs ({@code pg_catalog} tables) whose rows the captured transactions inserted, updated
     * or deleted; on PostgreSQL 14 also those of the session's earlier transactions not yet reported.
     */
    Set<String> writtenCatalogs() {
        return Set.copyOf(writtenCatalogs);
    }

    /**
     * The {@code catalog-versions-scope.sql} parameters before the schema names: locked relations, the first
     * transaction's id, whether class rows and whether attribute rows were updated.
     */
    Object[] scopeParameters(Connection c) throws SQLException {
        return new Object[]{Jdbc.longArray(c, new ArrayList<>(lockedRelations)), xidFrom, classesUpdated,
                attributesUpdated};
    }
}
