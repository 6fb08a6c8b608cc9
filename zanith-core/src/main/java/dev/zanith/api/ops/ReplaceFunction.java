package dev.zanith.api.ops;

import dev.zanith.api.schema.Routine;
import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/**
 * CREATE OR REPLACE FUNCTION (or PROCEDURE): a new body or new attributes for a routine whose signature, argument
 * names and defaults and result stay the same ({@link Routine#replaceableBy}); otherwise the differ drops and creates
 * it. Whatever uses the routine keeps using it, from the next call on; nothing already computed is recomputed.
 *
 * @param previous the definition it replaces, for the reversal; null when not recorded
 */
public record ReplaceFunction(Routine routine, @Nullable Routine previous) implements Operation {

    public ReplaceFunction {
        Require.present(routine, "replaceFunction", "routine");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.REPLACE_FUNCTION;
    }

    @Override
    public @Nullable TableName target() {
        return null;
    }

    @Override
    public Statements render(RenderContext context) {
        return RoutineDdl.create(routine, true);
    }

    @Override
    public Reversal reverse() {
        return previous == null ? Reversal.irreversible("the previous definition is not recorded in this file")
                : Reversal.of(new ReplaceFunction(previous, routine));
    }

    @Override
    public String summary() {
        return "replace " + RoutineDdl.what(routine) + " (" + routine.language() + ")";
    }
}
