package dev.zanith.api.ops;

import dev.zanith.api.schema.Partition;
import dev.zanith.api.schema.TableName;


/**
 * {@code CREATE TABLE partition PARTITION OF parent FOR VALUES ...} (with its own partitions when it is partitioned in
 * turn): a new, empty partition. PostgreSQL takes ACCESS EXCLUSIVE on the parent for it (and on a DEFAULT partition,
 * which it scans for rows the new bound would claim), briefly.
 */
public record CreatePartition(TableName parent, Partition partition) implements PartitionStep {

    public CreatePartition {
        Require.present(parent, "createPartition", "parent");
        Require.present(partition, "createPartition", "partition");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.CREATE_PARTITION;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of(PartitionDdl.create(parent, partition));
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new DropPartition(parent, partition));
    }

    @Override
    public String summary() {
        return "create partition " + PartitionDdl.describe(partition) + " of " + parent;
    }
}
