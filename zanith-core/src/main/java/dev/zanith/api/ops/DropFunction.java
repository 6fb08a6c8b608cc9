package dev.zanith.api.ops;

import dev.zanith.api.schema.Routine;
import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/**
 * DROP ROUTINE (a function or a procedure), without CASCADE: it fails while a default, CHECK, index, trigger or view
 * still uses the routine.
 *
 * @param signature  the routine as {@code regprocedure} prints it: {@code public.f(integer,text)}
 * @param definition what it was, for the reversal; null when not recorded
 */
public record DropFunction(String signature, @Nullable Routine definition) implements Operation {

    public DropFunction {
        RoutineDdl.signature(signature, "dropFunction");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.DROP_FUNCTION;
    }

    @Override
    public @Nullable TableName target() {
        return null;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of(RoutineDdl.drop(signature));
    }

    @Override
    public Reversal reverse() {
        return definition == null ? Reversal.irreversible("the definition is not recorded in this file")
                : Reversal.of(new CreateFunction(definition));
    }

    @Override
    public String summary() {
        return "drop " + (definition == null ? "routine " + signature : RoutineDdl.what(definition));
    }
}
