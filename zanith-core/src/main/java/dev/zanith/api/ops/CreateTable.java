package dev.zanith.api.ops;

import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.schema.CheckConstraint;
import dev.zanith.api.schema.Column;
import dev.zanith.api.schema.Table;
import dev.zanith.api.schema.TableName;
import dev.zanith.api.schema.UniqueConstraint;

import java.util.ArrayList;
import java.util.List;

/**
 * CREATE TABLE with its columns, primary key, unique and (validated) check constraints and comments, and for a
 * partitioned table its {@code PARTITION BY} key and partitions. Indexes,
 * foreign keys, NOT VALID checks, row level security and policies are separate operations, so that tables
 * can reference each other in any order.
 */
public record CreateTable(Table table) implements Operation {

    public CreateTable {
        Require.present(table, "createTable", "table");
        table = table.withCheckConstraints(table.checkConstraints().stream().map(CheckConstraint::asValidated).toList())
                .withIndexes(table.indexes().stream().map(dev.zanith.api.schema.Index::asValid).toList())
                .withForeignKeys(table.foreignKeys().stream().map(dev.zanith.api.schema.ForeignKey::asValidated).toList());
    }

    @Override
    public OperationKind kind() {
        return OperationKind.CREATE_TABLE;
    }

    @Override
    public TableName target() {
        return table.qualifiedName();
    }

    @Override
    public Statements render(RenderContext context) {
        List<String> elements = new ArrayList<>();
        for (Column column : table.columns()) {
            elements.add(Ddl.column(column));
        }
        if (table.primaryKey() != null) {
            elements.add(Ddl.primaryKey(table.primaryKey()));
        }
        for (UniqueConstraint unique : table.uniqueConstraints()) {
            elements.add(Ddl.unique(unique));
        }
        for (CheckConstraint check : table.checkConstraints()) {
            elements.add(Ddl.check(check, false));
        }
        List<String> sql = new ArrayList<>();
        // A table with no columns at all (CREATE TABLE t ()) is valid PostgreSQL, and so is its empty list.
        sql.add("CREATE " + (table.unlogged() ? "UNLOGGED " : "") + "TABLE " + target().sql()
                + (elements.isEmpty() ? " ()" : " (\n  " + String.join(",\n  ", elements) + "\n)")
                + PartitionDdl.partitionBy(table.partitioning())
                + (table.storageParameters().isEmpty() ? "" : " WITH (" + String.join(", ", table.storageParameters()) + ")"));
        if (table.partitioning() != null) {
            // a new table: nobody waits for its partitions' locks, so they come in the same step
            for (dev.zanith.api.schema.Partition partition : table.partitioning().partitions()) {
                sql.addAll(PartitionDdl.create(target(), partition));
            }
        }
        if (table.comment() != null) {
            sql.add("COMMENT ON TABLE " + target().sql() + " IS " + Identifiers.literal(table.comment()));
        }
        for (Column column : table.columns()) {
            if (column.comment() != null) {
                sql.add("COMMENT ON COLUMN " + target().sql() + "." + Identifiers.quote(column.name()) + " IS "
                        + Identifiers.literal(column.comment()));
            }
        }
        return Statements.of(sql);
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new DropTable(target(), table));
    }

    @Override
    public String summary() {
        return "create table " + target() + " (" + table.columns().size() + " columns)";
    }
}
