package dev.zanith.internal.apply;

import dev.zanith.api.ops.DetachPartition;
import dev.zanith.api.ops.Operation;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.sql.SqlResources;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Partitions left "detach pending": {@code DETACH PARTITION ... CONCURRENTLY} runs two transactions, and when it is
 * interrupted after the first (cancelled, timed out, connection lost, server crash) the partition stays marked in
 * {@code pg_inherits.inhdetachpending}. Running the detach again then fails ("already pending detach"); only
 * {@code DETACH PARTITION ... FINALIZE} completes it, so a resumed detach step runs that instead.
 */
final class PendingDetaches {

    private PendingDetaches() {
    }

    /** The detach {@code operation} performs when it is one whose partition an interrupted run left pending. */
    static Optional<DetachPartition> pending(Connection c, Operation operation) throws SQLException {
        if (operation instanceof DetachPartition detach && isPending(c, detach)) {
            return Optional.of(detach);
        }
        return Optional.empty();
    }

    /** Whether the partition of {@code detach} is detach pending under its parent. */
    static boolean isPending(Connection c, DetachPartition detach) throws SQLException {
        return Jdbc.queryFirst(c, SqlResources.get("apply/partition-detach-pending.sql"),
                        rs -> rs.getBoolean("pending"), detach.parent().sql(), detach.partition().qualifiedName().sql())
                .orElse(false);
    }

    /** What a step's summary says when it completed a pending detach instead of starting one. */
    static String finalizedSummary(DetachPartition detach) {
        return detach.summary() + "; completed a detach an interrupted earlier run left pending: "
                + finalizing(detach);
    }

    /** What a failed detach step's error adds when the failure left the partition detach pending. */
    static String leftPending(DetachPartition detach) {
        return " — " + detach.partition().qualifiedName() + " is left detach pending (rows no longer visible through "
                + detach.parent() + "); the next apply completes it with " + finalizing(detach);
    }

    private static String finalizing(DetachPartition detach) {
        return String.join("; ", detach.finalizePending().sql());
    }
}
