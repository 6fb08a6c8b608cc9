package dev.zanith.api.ops;

import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.schema.EnumType;
import dev.zanith.api.schema.TableName;

import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** CREATE TYPE ... AS ENUM. */
public record CreateEnum(EnumType enumType) implements Operation {

    public CreateEnum {
        Require.present(enumType, "createEnum", "enumType");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.CREATE_ENUM;
    }

    @Override
    public @Nullable TableName target() {
        return null;
    }

    @Override
    public Statements render(RenderContext context) {
        String create = "CREATE TYPE " + enumType.sqlName() + " AS ENUM ("
                + enumType.values().stream().map(Identifiers::literal).collect(Collectors.joining(", ")) + ")";
        return enumType.comment() == null ? Statements.of(create)
                : Statements.of(create, "COMMENT ON TYPE " + enumType.sqlName() + " IS " + Identifiers.literal(enumType.comment()));
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new DropEnum(new TableName(enumType.schema(), enumType.name()), enumType));
    }

    @Override
    public String summary() {
        return "create enum " + enumType.schema() + "." + enumType.name() + " (" + String.join(", ", enumType.values()) + ")";
    }
}
