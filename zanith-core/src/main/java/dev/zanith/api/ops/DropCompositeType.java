package dev.zanith.api.ops;

import dev.zanith.api.schema.CompositeType;
import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/** DROP TYPE of a composite type no column uses any more (without CASCADE: it fails while one does). */
public record DropCompositeType(TableName type, @Nullable CompositeType definition) implements Operation {

    public DropCompositeType {
        Require.present(type, "dropCompositeType", "type");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.DROP_COMPOSITE_TYPE;
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
        return definition == null ? Reversal.irreversible("the type's attributes are not recorded in this file")
                : Reversal.of(new CreateCompositeType(definition));
    }

    @Override
    public String summary() {
        return "drop composite type " + type;
    }
}
