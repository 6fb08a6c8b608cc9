package dev.zanith.api.ops;

import dev.zanith.api.schema.TableName;
import dev.zanith.api.schema.TypeAttribute;
import org.jspecify.annotations.Nullable;

/**
 * ALTER TYPE ... ADD ATTRIBUTE of a composite type. Values already stored in columns of the type read the new
 * attribute as NULL; no table is rewritten.
 */
public record AddTypeAttribute(TableName type, TypeAttribute attribute) implements Operation {

    public AddTypeAttribute {
        Require.present(type, "addTypeAttribute", "type");
        Require.present(attribute, "addTypeAttribute", "attribute");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.ADD_TYPE_ATTRIBUTE;
    }

    @Override
    public @Nullable TableName target() {
        return null;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of("ALTER TYPE " + type.sql() + " ADD ATTRIBUTE " + TypeDdl.attribute(attribute));
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new DropTypeAttribute(type, attribute.name(), attribute));
    }

    @Override
    public String summary() {
        return "add attribute " + attribute.name() + " (" + attribute.type() + ") to type " + type;
    }
}
