package dev.zanith.internal.step;

import dev.zanith.api.migration.Migration;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.ops.RenderContext;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work that must commit atomically with a step: called inside the step's own transaction after its statements
 * ran and right before "done" commits (for a non-transactional step, inside the short transaction that marks it
 * done; for a backfill, in the transaction that closes its checkpoint). Throwing rolls the transaction back: a
 * transactional step's DDL is undone and the step is recorded as failed.
 */
@FunctionalInterface
public interface StepHook {

    StepHook NONE = (connection, migration, stepIndex, operation, context) -> {
    };

    void beforeDone(Connection connection, Migration migration, int stepIndex, Operation operation,
                    RenderContext context) throws SQLException;

    /** This hook, then {@code next}, in the same transaction. */
    default StepHook andThen(StepHook next) {
        if (next == NONE) {
            return this;
        }
        StepHook first = this;
        return (connection, migration, stepIndex, operation, context) -> {
            first.beforeDone(connection, migration, stepIndex, operation, context);
            next.beforeDone(connection, migration, stepIndex, operation, context);
        };
    }
}
