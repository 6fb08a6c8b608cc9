package dev.zanith.api.ops;

import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/**
 * ALTER TYPE ... ADD VALUE, optionally BEFORE or AFTER an existing value.
 *
 * @param enumType the enum's qualified name
 */
public record AddEnumValue(TableName enumType, String value, @Nullable String before, @Nullable String after)
        implements Operation {

    public AddEnumValue {
        Require.present(enumType, "addEnumValue", "enumType");
        Require.present(value, "addEnumValue", "value");
        if (before != null && after != null) {
            throw new IllegalArgumentException("addEnumValue takes 'before' or 'after', not both");
        }
    }

    @Override
    public OperationKind kind() {
        return OperationKind.ADD_ENUM_VALUE;
    }

    @Override
    public @Nullable TableName target() {
        return null;
    }

    @Override
    public Statements render(RenderContext context) {
        String sql = "ALTER TYPE " + enumType.sql() + " ADD VALUE IF NOT EXISTS " + Identifiers.literal(value);
        if (before != null) {
            sql += " BEFORE " + Identifiers.literal(before);
        } else if (after != null) {
            sql += " AFTER " + Identifiers.literal(after);
        }
        return Statements.of(sql);
    }

    @Override
    public Reversal reverse() {
        return Reversal.irreversible("PostgreSQL cannot remove a value from an enum; recreate the type to undo");
    }

    @Override
    public String summary() {
        return "add value '" + value + "' to enum " + enumType
                + (before != null ? " before '" + before + "'" : after != null ? " after '" + after + "'" : "");
    }
}
