package dev.zanith.api.ops;

import dev.zanith.api.schema.Routine;
import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/**
 * CREATE FUNCTION or CREATE PROCEDURE, from the server's own definition ({@code pg_get_functiondef}); fails when a
 * routine with the same signature exists. Bodies are not checked at creation (see {@link RoutineDdl}).
 */
public record CreateFunction(Routine routine) implements Operation {

    public CreateFunction {
        Require.present(routine, "createFunction", "routine");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.CREATE_FUNCTION;
    }

    @Override
    public @Nullable TableName target() {
        return null;
    }

    @Override
    public Statements render(RenderContext context) {
        return RoutineDdl.create(routine, false);
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new DropFunction(routine.signature(), routine));
    }

    @Override
    public String summary() {
        return "create " + RoutineDdl.what(routine) + " (" + routine.language() + ")";
    }
}
