package dev.zanith.api.ops;

import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/**
 * ALTER TYPE ... RENAME TO: the last step of replacing an enum whose values were removed or reordered (the
 * replacement is built under a temporary name, the columns converted to it, the old type dropped). Columns
 * follow the type by oid.
 */
public record RenameEnum(TableName enumType, String newName) implements Operation {

    public RenameEnum {
        Require.present(enumType, "renameEnum", "enumType");
        Require.present(newName, "renameEnum", "newName");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.RENAME_ENUM;
    }

    @Override
    public @Nullable TableName target() {
        return null;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of("ALTER TYPE " + enumType.sql() + " RENAME TO " + Identifiers.quote(newName));
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new RenameEnum(new TableName(enumType.schema(), newName), enumType.name()));
    }

    @Override
    public String summary() {
        return "rename enum " + enumType + " to " + newName;
    }
}
