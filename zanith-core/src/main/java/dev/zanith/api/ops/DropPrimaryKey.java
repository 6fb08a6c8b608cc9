package dev.zanith.api.ops;

import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.schema.PrimaryKey;
import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/** ALTER TABLE ... DROP CONSTRAINT of the primary key. */
public record DropPrimaryKey(TableName table, String name, @Nullable PrimaryKey definition) implements Operation {

    public DropPrimaryKey {
        Require.present(table, "dropPrimaryKey", "table");
        Require.present(name, "dropPrimaryKey", "name");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.DROP_PRIMARY_KEY;
    }

    @Override
    public TableName target() {
        return table;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of(Ddl.alterTable(table) + " DROP CONSTRAINT IF EXISTS " + Identifiers.quote(name));
    }

    @Override
    public Reversal reverse() {
        return definition == null ? Reversal.irreversible("the primary key definition is not recorded in this file")
                : Reversal.of(new AddPrimaryKey(table, definition, null));
    }

    @Override
    public String summary() {
        return "drop primary key " + name + " on " + table;
    }
}
