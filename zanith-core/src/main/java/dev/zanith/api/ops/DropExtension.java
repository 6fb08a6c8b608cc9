package dev.zanith.api.ops;

import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/** DROP EXTENSION (without CASCADE: objects still using it make it fail rather than vanish). */
public record DropExtension(String name, @Nullable String schema) implements Operation {

    public DropExtension {
        Require.present(name, "dropExtension", "name");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.DROP_EXTENSION;
    }

    @Override
    public @Nullable TableName target() {
        return null;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of("DROP EXTENSION IF EXISTS " + Identifiers.quote(name));
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new CreateExtension(name, schema));
    }

    @Override
    public String summary() {
        return "drop extension " + name;
    }
}
