package dev.zanith.api.ops;

import dev.zanith.api.schema.Index;
import dev.zanith.api.schema.Partition;
import dev.zanith.api.schema.TableName;

import java.util.List;


/**
 * An index on a partitioned table, built without blocking writes (CREATE INDEX CONCURRENTLY refuses partitioned
 * tables): {@code CREATE INDEX ... ON ONLY parent}, then per partition {@code CREATE INDEX CONCURRENTLY} and
 * {@code ALTER INDEX ... ATTACH PARTITION}, each statement on its own outside a transaction. The partitions' indexes are
 * named {@code <partition>_<index>}.
 *
 * @param table      the partitioned table
 * @param index      the index, as the partitioned table shows it
 * @param partitions the table's partitions when the step was written (each one gets its index)
 */
public record AddPartitionedIndex(TableName table, Index index, List<Partition> partitions) implements Operation {

    public AddPartitionedIndex {
        Require.present(table, "addPartitionedIndex", "table");
        Require.present(index, "addPartitionedIndex", "index");
        index = index.asValid();
        partitions = partitions == null ? List.of() : List.copyOf(partitions);
    }

    @Override
    public OperationKind kind() {
        return OperationKind.ADD_PARTITIONED_INDEX;
    }

    @Override
    public TableName target() {
        return table;
    }

    @Override
    public List<TableName> alsoTouches() {
        return partitions.stream().map(Partition::qualifiedName).toList();
    }

    /**
     * The partitions' indexes this step builds CONCURRENTLY (leaf partitions only), each as schema and index name: a
     * failed build leaves one INVALID, and it must be dropped before the step runs again (IF NOT EXISTS would skip it,
     * and attaching it would leave the partitioned index invalid).
     */
    public List<TableName> concurrentIndexes() {
        return PartitionDdl.leafIndexes(index.name(), partitions);
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.outsideTransaction(PartitionDdl.partitionedIndex(table, index, partitions), true);
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new DropIndex(table, index.name(), index, false));
    }

    @Override
    public String summary() {
        return "add " + (index.unique() ? "unique " : "") + "index " + index.name() + " on partitioned table " + table
                + " (" + String.join(", ", index.keys()) + "), built concurrently on " + partitions.size() + " partition"
                + (partitions.size() == 1 ? "" : "s");
    }
}
