package dev.zanith.api.ops;

import dev.zanith.api.schema.RangeType;
import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/** DROP TYPE of a range type no column uses any more (its multirange type goes with it). */
public record DropRangeType(TableName type, @Nullable RangeType definition) implements Operation {

    public DropRangeType {
        Require.present(type, "dropRangeType", "type");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.DROP_RANGE_TYPE;
    }

    @Override
    public @Nullable TableName target() {
        return null;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of("DROP TYPE IF EXISTS " + type.sql());
    }

    @Override
    public Reversal reverse() {
        return definition == null ? Reversal.irreversible("the range type's definition is not recorded in this file")
                : Reversal.of(new CreateRangeType(definition));
    }

    @Override
    public String summary() {
        return "drop range type " + type;
    }
}
