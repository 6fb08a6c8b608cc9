package dev.zanith.internal.introspect;

import dev.zanith.api.migration.Migration;
import dev.zanith.api.ops.DetachPartition;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.schema.Partition;
import dev.zanith.api.schema.Partitioning;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.Table;
import dev.zanith.api.schema.TableName;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.sql.SqlResources;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Partitions left "detach pending": {@code DETACH PARTITION ... CONCURRENTLY} runs two transactions, and when it is
 * interrupted after the first (cancelled, timed out, connection lost, server crash) the partition stays marked in
 * {@code pg_inherits.inhdetachpending}: queries on the parent no longer see its rows, running the detach again fails
 * ("already pending detach"), and only {@code DETACH PARTITION ... FINALIZE} completes it. Apply runs that FINALIZE
 * for a detachPartition step of such a partition; plan and verify say so, and name a pending detach nothing completes.
 * The state comes from the live catalog: {@link Partition#detachPending()} as introspection read it, or one
 * {@code pg_inherits} row ({@code introspect/partition-detach-pending.sql}) when a step is about to run.
 */
public final class PendingDetaches {

    /** A detach-pending partition of a live graph, under its direct parent. */
    public record Found(TableName parent, Partition partition) {
        /** The detach that completes it. */
        public DetachPartition detach() {
            return new DetachPartition(parent, partition.settled(), true);
        }
    }

    private PendingDetaches() {
    }

    /** Whether the partition of {@code detach} is detach pending under its parent, read from the catalog now. */
    public static boolean isPending(Connection c, DetachPartition detach) throws SQLException {
        return Jdbc.queryFirst(c, SqlResources.get("introspect/partition-detach-pending.sql"),
                        rs -> rs.getBoolean("pending"), detach.parent().sql(), detach.partition().qualifiedName().sql())
                .orElse(false);
    }

    /** The detach {@code operation} performs, when it is one whose partition is detach pending now. */
    public static Optional<DetachPartition> pending(Connection c, Operation operation) throws SQLException {
        if (operation instanceof DetachPartition detach && isPending(c, detach)) {
            return Optional.of(detach);
        }
        return Optional.empty();
    }

    /** Every detach-pending partition of {@code graph}, at any depth. */
    public static List<Found> in(SchemaGraph graph) {
        List<Found> found = new ArrayList<>();
        for (Table table : graph.tables()) {
            if (table.partitioning() != null) {
                collect(table.qualifiedName(), table.partitioning(), found);
            }
        }
        return found;
    }

    private static void collect(TableName parent, Partitioning partitioning, List<Found> found) {
        for (Partition p : partitioning.partitions()) {
            if (p.detachPending()) {
                found.add(new Found(parent, p));
            }
            if (p.partitioning() != null) {
                collect(p.qualifiedName(), p.partitioning(), found);
            }
        }
    }

    /** Whether {@code operation} detaches (and so, on apply, finalizes) the partition of {@code pending}. */
    public static boolean completes(Operation operation, Found pending) {
        return operation instanceof DetachPartition d && d.parent().equals(pending.parent())
                && d.partition().qualifiedName().equals(pending.partition().qualifiedName());
    }

    /**
     * What plan and verify say about a detach-pending partition of the live graph, {@code step} naming the pending
     * step that completes it ("20260101000000_x #2"), or null when none does.
     */
    public static String warning(Found pending, String step) {
        String what = "partition " + pending.partition().qualifiedName() + " of " + pending.parent()
                + " is detach pending (an interrupted DETACH PARTITION ... CONCURRENTLY): its rows are no longer "
                + "visible through " + pending.parent() + "; ";
        String finalize = finalizing(pending.detach());
        return step != null ? what + "apply completes the detach at " + step + " with " + finalize
                : what + "no pending step completes it: run " + finalize + ", or a migration with a detachPartition step";
    }

    /** {@code warning} for each pending detach of {@code live}, naming the step of {@code pending} that completes it. */
    public static List<String> warnings(SchemaGraph live, List<Migration> pending) {
        List<String> out = new ArrayList<>();
        for (Found found : in(live)) {
            String step = null;
            for (Migration migration : pending) {
                List<Operation> operations = migration.operations();
                for (int i = 0; i < operations.size() && step == null; i++) {
                    if (completes(operations.get(i), found)) {
                        step = migration.id() + " #" + (i + 1);
                    }
                }
            }
            out.add(warning(found, step));
        }
        return out;
    }

    /** What a step's summary says when it completed a pending detach instead of starting one. */
    public static String finalizedSummary(DetachPartition detach) {
        return detach.summary() + "; completed a detach an interrupted earlier run left pending: " + finalizing(detach);
    }

    /** What a failed detach step's error adds when the failure left the partition detach pending. */
    public static String leftPending(DetachPartition detach) {
        return " — " + detach.partition().qualifiedName() + " is left detach pending (rows no longer visible through "
                + detach.parent() + "); the next apply completes it with " + finalizing(detach);
    }

    /** The FINALIZE statement, as one line without its terminator. */
    public static String finalizing(DetachPartition detach) {
        return String.join("; ", detach.finalizePending().sql());
    }
}
