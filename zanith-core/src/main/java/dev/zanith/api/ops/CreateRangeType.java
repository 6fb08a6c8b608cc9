package dev.zanith.api.ops;

import dev.zanith.api.schema.RangeType;
import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/** CREATE TYPE ... AS RANGE (its multirange type comes with it). */
public record CreateRangeType(RangeType type) implements Operation {

    public CreateRangeType {
        Require.present(type, "createRangeType", "type");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.CREATE_RANGE_TYPE;
    }

    @Override
    public @Nullable TableName target() {
        return null;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of(TypeDdl.createRange(type));
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new DropRangeType(type.qualifiedName(), type));
    }

    @Override
    public String summary() {
        return "create range type " + type.qualifiedName() + " (" + type.subtype() + ")";
    }
}
