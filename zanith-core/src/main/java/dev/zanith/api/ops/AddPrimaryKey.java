package dev.zanith.api.ops;

import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.schema.PrimaryKey;
import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/**
 * ALTER TABLE ... ADD PRIMARY KEY; with {@code usingIndex} it adopts a unique index built beforehand
 * (concurrently), so the table is only locked for a moment.
 */
public record AddPrimaryKey(TableName table, PrimaryKey primaryKey, @Nullable String usingIndex) implements Operation {

    public AddPrimaryKey {
        Require.present(table, "addPrimaryKey", "table");
        Require.present(primaryKey, "addPrimaryKey", "primaryKey");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.ADD_PRIMARY_KEY;
    }

    @Override
    public TableName target() {
        return table;
    }

    @Override
    public Statements render(RenderContext context) {
        if (usingIndex != null) {
            return Statements.of(Ddl.alterTable(table) + " ADD CONSTRAINT " + Identifiers.quote(primaryKey.name())
                    + " PRIMARY KEY USING INDEX " + Identifiers.quote(usingIndex)
                    + Ddl.deferrable(primaryKey.deferrable(), primaryKey.initiallyDeferred()));
        }
        return Statements.longRunning(Ddl.alterTable(table) + " ADD " + Ddl.primaryKey(primaryKey));
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new DropPrimaryKey(table, primaryKey.name(), primaryKey));
    }

    @Override
    public String summary() {
        return "add primary key " + primaryKey.name() + " on " + table + " (" + String.join(", ", primaryKey.columns()) + ")"
                + (usingIndex != null ? " using index " + usingIndex : "");
    }
}
