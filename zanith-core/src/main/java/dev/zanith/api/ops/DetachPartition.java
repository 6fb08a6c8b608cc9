package dev.zanith.api.ops;

import dev.zanith.api.schema.Partition;
import dev.zanith.api.schema.TableName;


/**
 * {@code ALTER TABLE parent DETACH PARTITION table [CONCURRENTLY]}: the partition becomes an ordinary table, its rows
 * kept. CONCURRENTLY (PostgreSQL 14+) takes SHARE UPDATE EXCLUSIVE on the parent and waits for the queries using it
 * instead of blocking them; it runs outside a transaction and is refused when the parent has a DEFAULT partition.
 * Without it the parent is locked ACCESS EXCLUSIVE. A CONCURRENTLY run that is interrupted leaves the detach pending:
 * PostgreSQL then refuses a new attempt until {@code ALTER TABLE parent DETACH PARTITION table FINALIZE} completes it,
 * which is what apply runs for this step then ({@link #finalizePending()}). CONCURRENTLY takes SHARE UPDATE EXCLUSIVE
 * on the parent and ACCESS EXCLUSIVE on the partition (observed).
 */
public record DetachPartition(TableName parent, Partition partition, boolean concurrently)
        implements PartitionStep {

    public DetachPartition {
        Require.present(parent, "detachPartition", "parent");
        Require.present(partition, "detachPartition", "partition");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.DETACH_PARTITION;
    }

    @Override
    public Statements render(RenderContext context) {
        String sql = detach();
        return concurrently ? Statements.outsideTransaction(sql + " CONCURRENTLY", false) : Statements.of(sql);
    }

    /**
     * {@code ALTER TABLE parent DETACH PARTITION table FINALIZE}: completes the detach an interrupted CONCURRENTLY
     * run left pending ({@code pg_inherits.inhdetachpending}). It runs in a transaction, waits like the second half
     * of CONCURRENTLY for the queries that may still see the partition, and takes the same locks: SHARE UPDATE
     * EXCLUSIVE on the parent, ACCESS EXCLUSIVE on the partition (observed).
     */
    public Statements finalizePending() {
        return Statements.of(detach() + " FINALIZE");
    }

    private String detach() {
        return "ALTER TABLE " + parent.sql() + " DETACH PARTITION " + partition.qualifiedName().sql();
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new AttachPartition(parent, partition));
    }

    @Override
    public String summary() {
        return "detach partition " + PartitionDdl.describe(partition) + " from " + parent
                + (concurrently ? " concurrently" : "");
    }
}
