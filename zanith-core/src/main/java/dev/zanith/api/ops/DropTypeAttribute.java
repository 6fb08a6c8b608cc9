package dev.zanith.api.ops;

import dev.zanith.api.schema.TableName;
import dev.zanith.api.schema.TypeAttribute;
import dev.zanith.internal.sql.Identifiers;
import org.jspecify.annotations.Nullable;

/**
 * ALTER TYPE ... DROP ATTRIBUTE of a composite type. PostgreSQL allows it while columns use the type: their values
 * lose the attribute's data.
 */
public record DropTypeAttribute(TableName type, String name, @Nullable TypeAttribute definition) implements Operation {

    public DropTypeAttribute {
        Require.present(type, "dropTypeAttribute", "type");
        Require.present(name, "dropTypeAttribute", "name");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.DROP_TYPE_ATTRIBUTE;
    }

    @Override
    public @Nullable TableName target() {
        return null;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of("ALTER TYPE " + type.sql() + " DROP ATTRIBUTE IF EXISTS " + Identifiers.quote(name));
    }

    @Override
    public Reversal reverse() {
        return definition == null ? Reversal.irreversible("the attribute's type is not recorded in this file")
                : Reversal.lossy("values stored in columns of the type come back NULL", new AddTypeAttribute(type,
                definition));
    }

    @Override
    public String summary() {
        return "drop attribute " + name + " of type " + type;
    }
}
