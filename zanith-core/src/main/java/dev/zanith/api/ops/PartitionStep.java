package dev.zanith.api.ops;

import dev.zanith.api.schema.Partition;
import dev.zanith.api.schema.TableName;

import java.util.List;

/** An operation on one partition of a partitioned table: it targets the parent and touches the partition too. */
interface PartitionStep extends Operation {

    /** The partitioned table (or a partition partitioned in turn). */
    TableName parent();

    Partition partition();

    @Override
    default TableName target() {
        return parent();
    }

    @Override
    default List<TableName> alsoTouches() {
        return List.of(partition().qualifiedName());
    }
}
