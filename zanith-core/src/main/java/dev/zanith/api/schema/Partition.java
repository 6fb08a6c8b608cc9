package dev.zanith.api.schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;

/**
 * One partition of a partitioned table. Its columns, and the indexes and constraints declared on the partitioned
 * table, come from the parent; objects declared on a partition alone are not modelled.
 *
 * @param schema       the partition's schema
 * @param name         the partition's table name
 * @param bound        the bound as {@code pg_get_expr(relpartbound, oid)} prints it:
 *                     {@code FOR VALUES FROM ('2026-01-01') TO ('2026-02-01')}, {@code FOR VALUES IN ('eu', 'uk')},
 *                     {@code FOR VALUES WITH (modulus 4, remainder 0)} or {@code DEFAULT}
 * @param partitioning its own partitioning when it is partitioned in turn (sub-partitioning), else null
 */
public record Partition(String schema, String name, String bound, @Nullable Partitioning partitioning) {

    public Partition {
        Lists.require(schema, "partition schema");
        Lists.require(name, "partition name");
        Lists.require(bound, "partition bound");
    }

    /** A leaf partition. */
    public static Partition of(String schema, String name, String bound) {
        return new Partition(schema, name, bound, null);
    }

    public TableName qualifiedName() {
        return new TableName(schema, name);
    }

    /** Whether this is the DEFAULT partition (it holds the rows no other partition accepts). */
    @JsonIgnore
    public boolean isDefault() {
        return bound.equalsIgnoreCase("DEFAULT");
    }

    public Partition withBound(String newBound) {
        return new Partition(schema, name, newBound, partitioning);
    }
}
