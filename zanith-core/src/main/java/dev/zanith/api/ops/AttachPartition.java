package dev.zanith.api.ops;

import dev.zanith.api.schema.Partition;
import dev.zanith.api.schema.TableName;

import java.util.Optional;

/**
 * {@code ALTER TABLE parent ATTACH PARTITION table FOR VALUES ...}: an existing table becomes a partition. PostgreSQL
 * takes SHARE UPDATE EXCLUSIVE on the parent (its reads and writes go on), ACCESS EXCLUSIVE on the table (and on a
 * DEFAULT partition, which it scans for rows the bound would claim), and scans the table to prove the bound unless a
 * valid CHECK constraint already proves it. The differ attaches online: {@link #boundCheck} added NOT VALID
 * ({@link #BOUND_CHECK}), validated in a step of its own (a scan under SHARE UPDATE EXCLUSIVE), then this step (no
 * scan under the strong lock), then the CHECK dropped.
 */
public record AttachPartition(TableName parent, Partition partition) implements PartitionStep {

    /** The name of the CHECK constraint that proves a bound before the attach. */
    public static final String BOUND_CHECK = PartitionDdl.BOUND_CHECK;

    public AttachPartition {
        Require.present(parent, "attachPartition", "parent");
        Require.present(partition, "attachPartition", "partition");
    }

    /**
     * A CHECK expression equal to the partition constraint PostgreSQL derives from {@code bound} under {@code key} (as
     * {@code pg_get_partkeydef} prints it), so that ATTACH finds it proven; empty when not derived: only RANGE and LIST
     * keys over one plain column are (a DEFAULT bound, a HASH key, several key columns or an expression are not).
     */
    public static Optional<String> boundCheck(String key, String bound) {
        return PartitionDdl.boundCheck(key, bound);
    }

    @Override
    public OperationKind kind() {
        return OperationKind.ATTACH_PARTITION;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.longRunning("ALTER TABLE " + parent.sql() + " ATTACH PARTITION "
                + partition.qualifiedName().sql() + " " + partition.bound());
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new DetachPartition(parent, partition, true));
    }

    @Override
    public String summary() {
        return "attach partition " + PartitionDdl.describe(partition) + " to " + parent;
    }
}
