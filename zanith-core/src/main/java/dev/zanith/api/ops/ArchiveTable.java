package dev.zanith.api.ops;

import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.schema.Table;
import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/** Moves a table into the archive schema (freeing its name); restore moves it back. */
public record ArchiveTable(TableName table, @Nullable Table definition) implements Operation {

    public ArchiveTable {
        Require.present(table, "archiveTable", "table");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.ARCHIVE_TABLE;
    }

    @Override
    public TableName target() {
        return table;
    }

    @Override
    public Statements render(RenderContext context) {
        String archived = context.archiveName(table.name(), null);
        return Statements.of(
                "CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(context.archiveSchema()),
                Ddl.alterTable(table) + " RENAME TO " + Identifiers.quote(archived),
                "ALTER TABLE " + Identifiers.qualify(table.schema(), archived) + " SET SCHEMA "
                        + Identifiers.quote(context.archiveSchema()));
    }

    @Override
    public Reversal reverse() {
        return Reversal.lossy("zanith recover restore-table " + table.name() + " moves it back");
    }

    @Override
    public String summary() {
        return "archive table " + table + " (moved to the archive schema, restorable)";
    }
}
