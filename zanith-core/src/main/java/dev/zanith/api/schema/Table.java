package dev.zanith.api.schema;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A table (a "model"). Columns keep their physical order; constraints, indexes and policies are sorted by
 * name so that the same table always has the same form.
 *
 * @param partitioning for a partitioned table ({@code PARTITION BY ...}), its key and partitions; null for an
 *                     ordinary table. Partitions are not tables of the graph: they live here, under their parent.
 * @param storageParameters the table's {@code WITH (...)} options as {@code pg_class.reloptions} spells them
 *                          ({@code fillfactor=70}, {@code autovacuum_enabled=false}), its TOAST table's prefixed
 *                          {@code toast.}; sorted
 */
public record Table(String schema, String name, boolean unlogged, List<Column> columns, @Nullable PrimaryKey primaryKey,
                    List<UniqueConstraint> uniqueConstraints, List<CheckConstraint> checkConstraints,
                    List<ForeignKey> foreignKeys, List<Index> indexes, boolean rlsEnabled, boolean rlsForced,
                    List<Policy> policies, @Nullable String comment, @Nullable Partitioning partitioning,
                    List<String> storageParameters) {

    public Table {
        Lists.require(schema, "table schema");
        Lists.require(name, "table name");
        columns = Lists.copy(columns);
        uniqueConstraints = Lists.sorted(uniqueConstraints, Comparator.comparing(UniqueConstraint::name));
        checkConstraints = Lists.sorted(checkConstraints, Comparator.comparing(CheckConstraint::name));
        foreignKeys = Lists.sorted(foreignKeys, Comparator.comparing(ForeignKey::name));
        indexes = Lists.sorted(indexes, Comparator.comparing(Index::name));
        policies = Lists.sorted(policies, Comparator.comparing(Policy::name));
        storageParameters = Lists.sorted(storageParameters, String::compareTo);
        long distinct = columns.stream().map(Column::name).distinct().count();
        if (distinct != columns.size()) {
            throw new IllegalArgumentException("table " + schema + "." + name + " has duplicate column names");
        }
    }

    /** An ordinary (not partitioned) table without storage parameters. */
    public Table(String schema, String name, boolean unlogged, List<Column> columns, @Nullable PrimaryKey primaryKey,
                 List<UniqueConstraint> uniqueConstraints, List<CheckConstraint> checkConstraints,
                 List<ForeignKey> foreignKeys, List<Index> indexes, boolean rlsEnabled, boolean rlsForced,
                 List<Policy> policies, @Nullable String comment) {
        this(schema, name, unlogged, columns, primaryKey, uniqueConstraints, checkConstraints, foreignKeys, indexes,
                rlsEnabled, rlsForced, policies, comment, null, List.of());
    }

    /** Whether this is a partitioned table. */
    public boolean partitioned() {
        return partitioning != null;
    }

    public Table withPartitioning(@Nullable Partitioning value) {
        return new Table(schema, name, unlogged, columns, primaryKey, uniqueConstraints, checkConstraints, foreignKeys,
                indexes, rlsEnabled, rlsForced, policies, comment, value, storageParameters);
    }

    /** A table with just columns. */
    public static Table of(String schema, String name, List<Column> columns) {
        return new Table(schema, name, false, columns, null, List.of(), List.of(), List.of(), List.of(), false, false,
                List.of(), null);
    }

    /**
     * A hash of the table's name only (equal tables have equal names, so this agrees with {@link #equals}). Tables
     * are the keys of the caches that let a run of many migrations serialize and store only the tables that
     * changed ({@code SchemaGraphJson}, the snapshot parts): a record's own hash code walks every column,
     * constraint and index, which for a thousand tables cost milliseconds after every migration.
     * Different versions of one table share a hash and are told apart by {@code equals}.
     */
    @Override
    public int hashCode() {
        return 31 * schema.hashCode() + name.hashCode();
    }

    public TableName qualifiedName() {
        return new TableName(schema, name);
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public Table withColumns(List<Column> newColumns) {
        return new Table(schema, name, unlogged, newColumns, primaryKey, uniqueConstraints, checkConstraints,
                foreignKeys, indexes, rlsEnabled, rlsForced, policies, comment, partitioning, storageParameters);
    }

    public Table withPrimaryKey(@Nullable PrimaryKey newPrimaryKey) {
        return new Table(schema, name, unlogged, columns, newPrimaryKey, uniqueConstraints, checkConstraints,
                foreignKeys, indexes, rlsEnabled, rlsForced, policies, comment, partitioning, storageParameters);
    }

    public Table withUniqueConstraints(List<UniqueConstraint> values) {
        return new Table(schema, name, unlogged, columns, primaryKey, values, checkConstraints, foreignKeys, indexes,
                rlsEnabled, rlsForced, policies, comment, partitioning, storageParameters);
    }

    public Table withCheckConstraints(List<CheckConstraint> values) {
        return new Table(schema, name, unlogged, columns, primaryKey, uniqueConstraints, values, foreignKeys, indexes,
                rlsEnabled, rlsForced, policies, comment, partitioning, storageParameters);
    }

    public Table withForeignKeys(List<ForeignKey> values) {
        return new Table(schema, name, unlogged, columns, primaryKey, uniqueConstraints, checkConstraints, values,
                indexes, rlsEnabled, rlsForced, policies, comment, partitioning, storageParameters);
    }

    public Table withIndexes(List<Index> values) {
        return new Table(schema, name, unlogged, columns, primaryKey, uniqueConstraints, checkConstraints, foreignKeys,
                values, rlsEnabled, rlsForced, policies, comment, partitioning, storageParameters);
    }

    public Table withRowLevelSecurity(boolean enabled, boolean forced) {
        return new Table(schema, name, unlogged, columns, primaryKey, uniqueConstraints, checkConstraints, foreignKeys,
                indexes, enabled, forced, policies, comment, partitioning, storageParameters);
    }

    public Table withPolicies(List<Policy> values) {
        return new Table(schema, name, unlogged, columns, primaryKey, uniqueConstraints, checkConstraints, foreignKeys,
                indexes, rlsEnabled, rlsForced, values, comment, partitioning, storageParameters);
    }

    public Table withComment(@Nullable String value) {
        return new Table(schema, name, unlogged, columns, primaryKey, uniqueConstraints, checkConstraints, foreignKeys,
                indexes, rlsEnabled, rlsForced, policies, value, partitioning, storageParameters);
    }

    /** The table with these storage parameters ({@code fillfactor=70}, {@code toast.autovacuum_enabled=false}). */
    public Table withStorageParameters(List<String> values) {
        return new Table(schema, name, unlogged, columns, primaryKey, uniqueConstraints, checkConstraints, foreignKeys,
                indexes, rlsEnabled, rlsForced, policies, comment, partitioning, values);
    }

    public Table withUnlogged(boolean value) {
        return new Table(schema, name, value, columns, primaryKey, uniqueConstraints, checkConstraints, foreignKeys,
                indexes, rlsEnabled, rlsForced, policies, comment, partitioning, storageParameters);
    }

    public Table withName(String newSchema, String newName) {
        return new Table(newSchema, newName, unlogged, columns, primaryKey, uniqueConstraints, checkConstraints,
                foreignKeys, indexes, rlsEnabled, rlsForced, policies, comment, partitioning, storageParameters);
    }
}
