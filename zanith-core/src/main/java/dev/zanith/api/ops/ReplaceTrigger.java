package dev.zanith.api.ops;

import dev.zanith.api.schema.TableName;
import dev.zanith.api.schema.Trigger;
import org.jspecify.annotations.Nullable;

/**
 * CREATE OR REPLACE TRIGGER (PostgreSQL 14+): a changed trigger swapped in one statement, so no write slips through
 * between a drop and a create. Not for constraint triggers, which the server cannot replace (the differ drops and
 * creates those).
 *
 * @param previous the definition it replaces, for the reversal; null when not recorded
 */
public record ReplaceTrigger(Trigger trigger, @Nullable Trigger previous) implements Operation {

    public ReplaceTrigger {
        Require.present(trigger, "replaceTrigger", "trigger");
        if (trigger.constraintTrigger()) {
            throw new IllegalArgumentException("replaceTrigger: constraint trigger " + trigger.name()
                    + " cannot be replaced in place; use dropTrigger then createTrigger");
        }
    }

    @Override
    public OperationKind kind() {
        return OperationKind.REPLACE_TRIGGER;
    }

    @Override
    public TableName target() {
        return trigger.qualifiedTable();
    }

    @Override
    public Statements render(RenderContext context) {
        return RoutineDdl.createTrigger(trigger, true);
    }

    @Override
    public Reversal reverse() {
        return previous == null || previous.constraintTrigger()
                ? Reversal.irreversible("the previous definition is not recorded in this file")
                : Reversal.of(new ReplaceTrigger(previous, trigger));
    }

    @Override
    public String summary() {
        return "replace trigger " + trigger.name() + " on " + trigger.qualifiedTable();
    }
}
