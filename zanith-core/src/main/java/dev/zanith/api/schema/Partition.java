package dev.zanith.api.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
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
 * @param detachPending true when an interrupted {@code DETACH PARTITION ... CONCURRENTLY} left it half detached
 *                      ({@code pg_inherits.inhdetachpending}): queries on the parent no longer see its rows, and only
 *                      {@code DETACH PARTITION ... FINALIZE} completes the detach. Written to JSON only when true.
 */
public record Partition(String schema, String name, String bound, @Nullable Partitioning partitioning,
                        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean detachPending) {

    public Partition {
        Lists.require(schema, "partition schema");
        Lists.require(name, "partition name");
        Lists.require(bound, "partition bound");
    }

    /** A partition that is fully attached. */
    public Partition(String schema, String name, String bound, @Nullable Partitioning partitioning) {
        this(schema, name, bound, partitioning, false);
    }

    /** Reads a partition; left out, {@code detachPending} means attached. */
    @JsonCreator
    static Partition json(@JsonProperty("schema") String schema, @JsonProperty("name") String name,
                          @JsonProperty("bound") String bound,
                          @JsonProperty("partitioning") @Nullable Partitioning partitioning,
                          @JsonProperty("detachPending") @Nullable Boolean detachPending) {
        return new Partition(schema, name, bound, partitioning, detachPending != null && detachPending);
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
        return new Partition(schema, name, newBound, partitioning, detachPending);
    }

    public Partition withPartitioning(@Nullable Partitioning newPartitioning) {
        return new Partition(schema, name, bound, newPartitioning, detachPending);
    }

    /**
     * The same partition as an operation names it: the detach-pending state is the live catalog's, which an
     * operation reads again when it runs (a detach finalizes it), so a migration file does not carry it.
     */
    public Partition settled() {
        return detachPending ? new Partition(schema, name, bound, partitioning, false) : this;
    }
}
