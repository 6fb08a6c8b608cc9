package dev.zanith.api.ops;

import dev.zanith.api.schema.EnumType;
import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/** DROP TYPE of an enum no column uses any more. */
public record DropEnum(TableName enumType, @Nullable EnumType definition) implements Operation {

    public DropEnum {
        Require.present(enumType, "dropEnum", "enumType");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.DROP_ENUM;
    }

    @Override
    public @Nullable TableName target() {
        return null;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of("DROP TYPE IF EXISTS " + enumType.sql());
    }

    @Override
    public Reversal reverse() {
        return definition == null ? Reversal.irreversible("the enum's values are not recorded in this file")
                : Reversal.of(new CreateEnum(definition));
    }

    @Override
    public String summary() {
        return "drop enum " + enumType;
    }
}
