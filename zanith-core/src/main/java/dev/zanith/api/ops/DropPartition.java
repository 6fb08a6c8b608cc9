package dev.zanith.api.ops;

import dev.zanith.api.schema.Partition;
import dev.zanith.api.schema.TableName;


/**
 * {@code DROP TABLE partition}: the partition and its rows are gone (ACCESS EXCLUSIVE on the parent, briefly). To keep
 * the rows, detach it instead ({@link DetachPartition}).
 */
public record DropPartition(TableName parent, Partition partition) implements PartitionStep {

    public DropPartition {
        Require.present(parent, "dropPartition", "parent");
        Require.present(partition, "dropPartition", "partition");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.DROP_PARTITION;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of("DROP TABLE " + partition.qualifiedName().sql());
    }

    @Override
    public Reversal reverse() {
        return Reversal.lossy("re-creates the partition empty: its rows are gone", new CreatePartition(parent, partition));
    }

    @Override
    public String summary() {
        return "drop partition " + PartitionDdl.describe(partition) + " of " + parent;
    }
}
