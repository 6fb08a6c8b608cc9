package dev.zanith.api.ops;

import dev.zanith.api.schema.CompositeType;
import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/** CREATE TYPE ... AS (attribute type, ...). */
public record CreateCompositeType(CompositeType type) implements Operation {

    public CreateCompositeType {
        Require.present(type, "createCompositeType", "type");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.CREATE_COMPOSITE_TYPE;
    }

    @Override
    public @Nullable TableName target() {
        return null;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of(TypeDdl.createComposite(type));
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new DropCompositeType(type.qualifiedName(), type));
    }

    @Override
    public String summary() {
        return "create composite type " + type.qualifiedName() + " (" + type.attributes().size() + " attributes)";
    }
}
