package dev.zanith.api.ops;

import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.schema.Column;
import dev.zanith.api.schema.TableName;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Copies primary key + values of a column into the archive schema, then drops the column. Restore re-adds
 * it and refills it by primary key. The table is locked in SHARE mode before the copy (reads go on, writes
 * wait), so no row can change between the copy and the drop; the drop then takes ACCESS EXCLUSIVE briefly.
 *
 * @param primaryKey the table's primary key columns, which the archive is keyed by
 */
public record ArchiveColumn(TableName table, String column, @Nullable Column definition, List<String> primaryKey)
        implements Operation {

    public ArchiveColumn {
        Require.present(table, "archiveColumn", "table");
        Require.present(column, "archiveColumn", "column");
        primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
    }

    @Override
    public OperationKind kind() {
        return OperationKind.ARCHIVE_COLUMN;
    }

    @Override
    public TableName target() {
        return table;
    }

    @Override
    public Statements render(RenderContext context) {
        if (primaryKey.isEmpty()) {
            throw new IllegalStateException("archiveColumn " + table + "." + column + " needs the table's primary key "
                    + "to restore rows by; the table has none. Use softDropColumn instead.");
        }
        String archive = context.qualifiedArchive(context.archiveName(table.name(), column));
        return Statements.longRunning(
                "CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(context.archiveSchema()),
                "LOCK TABLE " + table.sql() + " IN SHARE MODE",
                "CREATE TABLE " + archive + " AS SELECT " + Ddl.columnList(primaryKey) + ", "
                        + Identifiers.quote(column) + " FROM " + table.sql(),
                Ddl.alterTable(table) + " DROP COLUMN " + Identifiers.quote(column));
    }

    @Override
    public Reversal reverse() {
        return Reversal.lossy("zanith recover restore-column " + table.name() + "." + column
                + " re-adds the column and refills it from the archive by primary key");
    }

    @Override
    public String summary() {
        return "archive column " + table + "." + column + " (values copied out, restorable)";
    }
}
