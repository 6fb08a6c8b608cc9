package dev.zanith.api.ops;

import dev.zanith.api.schema.Identity;
import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/** ALTER COLUMN ... DROP IDENTITY (the column keeps its values, loses its generator). */
public record DropIdentity(TableName table, String column, @Nullable Identity previous) implements Operation {

    public DropIdentity {
        Require.present(table, "dropIdentity", "table");
        Require.present(column, "dropIdentity", "column");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.DROP_IDENTITY;
    }

    @Override
    public TableName target() {
        return table;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of(Ddl.alterColumn(table, column) + " DROP IDENTITY IF EXISTS");
    }

    @Override
    public Reversal reverse() {
        return previous == null ? Reversal.irreversible("the identity options are not recorded in this file")
                : Reversal.lossy("numbering restarts at the start value", new SetIdentity(table, column, previous, null));
    }

    @Override
    public String summary() {
        return "drop identity on " + table + "." + column;
    }
}
