package dev.zanith.internal.diff;

import dev.zanith.internal.step.StepExecutor;
import dev.zanith.internal.step.Timeouts;
import dev.zanith.internal.introspect.IntrospectionOptions;
import dev.zanith.internal.introspect.Introspector;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.ops.RenderContext;
import dev.zanith.api.ops.Statements;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.testsupport.TestDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Runs generated operations on a test database as apply runs them (one step at a time), and reads it back. */
final class Steps {

    private Steps() {
    }

    static SchemaGraph introspect(TestDatabase db, IntrospectionOptions options) throws SQLException {
        try (Connection c = db.connect()) {
            return new Introspector(options).introspect(c).graph();
        }
    }

    /** @throws AssertionError naming the step, its SQL and the server's message, when a step fails */
    static void apply(TestDatabase db, List<Operation> operations) throws SQLException {
        StepExecutor executor = new StepExecutor(Timeouts.defaults());
        try (Connection connection = db.connect()) {
            for (int i = 0; i < operations.size(); i++) {
                Statements statements = operations.get(i).render(new RenderContext("m1", i + 1, "_zanith_", "zanith_archive"));
                try {
                    executor.execute(connection, statements, StepExecutor.InTransaction.NOTHING);
                } catch (Exception e) {
                    throw new AssertionError("step " + (i + 1) + " " + operations.get(i).summary() + " failed:\n"
                            + statements.script() + "\n" + e.getMessage(), e);
                }
            }
        }
    }
}
