package dev.zanith.internal.introspect;

import dev.zanith.api.schema.Partition;
import dev.zanith.api.schema.Partitioning;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.sql.SqlResources;
import org.jspecify.annotations.Nullable;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the partitions of partitioned tables ({@code introspect/partitions.sql}: one recursive query for all of them)
 * and hangs each, with its bound, its own partitioning when it is partitioned in turn and whether a detach of it is
 * pending, under its parent.
 */
final class PartitionCatalog {

    /** A table being assembled that may be partitioned. */
    interface Partitioned {
        /** {@code pg_get_partkeydef} of the table, or null when it is not partitioned. */
        @Nullable String partitionKey();

        void partitioning(Partitioning value);
    }

    private record Row(long oid, String schema, String name, String bound, @Nullable String key,
                       boolean detachPending) {
    }

    private PartitionCatalog() {
    }

    static void read(Connection c, Map<Long, ? extends Partitioned> tables) throws SQLException {
        List<Long> partitioned = new ArrayList<>();
        tables.forEach((oid, table) -> {
            if (table.partitionKey() != null) {
                partitioned.add(oid);
            }
        });
        if (partitioned.isEmpty()) {
            return;
        }
        Map<Long, List<Row>> children = new HashMap<>();
        Jdbc.query(c, SqlResources.get("introspect/partitions.sql"), rs -> children
                .computeIfAbsent(rs.getLong("parent_oid"), k -> new ArrayList<>())
                .add(new Row(rs.getLong("partition_oid"), rs.getString("schema_name"), rs.getString("partition_name"),
                        rs.getString("bound"), rs.getString("partition_key"), rs.getBoolean("detach_pending"))),
                Jdbc.longArray(c, partitioned));
        for (long oid : partitioned) {
            Partitioned table = tables.get(oid);
            table.partitioning(partitioning(oid, table.partitionKey(), children));
        }
    }

    private static Partitioning partitioning(long oid, String key, Map<Long, List<Row>> children) {
        List<Partition> partitions = new ArrayList<>();
        for (Row row : children.getOrDefault(oid, List.of())) {
            partitions.add(new Partition(row.schema(), row.name(), row.bound(),
                    row.key() == null ? null : partitioning(row.oid(), row.key(), children), row.detachPending()));
        }
        return new Partitioning(key, partitions);
    }
}
