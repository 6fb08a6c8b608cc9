package dev.zanith.shadow;

import dev.zanith.ZanithException;
import dev.zanith.apply.StepExecutor;
import dev.zanith.apply.Timeouts;
import dev.zanith.diff.Differ;
import dev.zanith.introspect.IntrospectionOptions;
import dev.zanith.introspect.Introspector;
import dev.zanith.migration.Migration;
import dev.zanith.ops.Operation;
import dev.zanith.ops.RenderContext;
import dev.zanith.ops.Statements;
import dev.zanith.schema.LiveSchema;
import dev.zanith.schema.SchemaGraph;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Recreates a schema graph in a shadow (rendered by the differ from an empty graph, extensions and enums
 * included) and runs migrations on top: what the live database will look like once they are applied.
 */
public final class ShadowReplay {

    private final Shadow shadow;
    private final IntrospectionOptions options;
    private final StepExecutor executor = new StepExecutor(new Timeouts(java.time.Duration.ZERO,
            java.time.Duration.ZERO, java.time.Duration.ZERO));

    public ShadowReplay(Shadow shadow, IntrospectionOptions options) {
        this.shadow = shadow;
        this.options = options;
    }

    /** Builds {@code graph} in the empty shadow. */
    public void recreate(SchemaGraph graph) {
        List<Operation> operations = Differ.diff(SchemaGraph.empty(), graph).operations();
        try (Connection c = shadow.connections().open()) {
            for (int i = 0; i < operations.size(); i++) {
                Operation operation = operations.get(i);
                Statements statements = operation.render(new RenderContext("replay", i + 1, options.excludedPrefix(),
                        RenderContext.DEFAULT_ARCHIVE_SCHEMA));
                try {
                    executor.execute(c, statements, StepExecutor.InTransaction.NOTHING);
                } catch (SQLException e) {
                    throw new ZanithException("Could not recreate the live schema in the " + shadow.describe() + " ("
                            + operation.summary() + "): " + e.getMessage() + ". If it uses an extension or role the "
                            + "shadow server lacks, use --shadow database (a temporary database on your own server).", e);
                }
            }
        } catch (SQLException e) {
            throw new ZanithException("Shadow " + shadow.describe() + " failed: " + e.getMessage(), e);
        }
    }

    /** Applies the migrations' operations, in order, to the shadow. */
    public void apply(List<Migration> migrations) {
        try (Connection c = shadow.connections().open()) {
            for (Migration migration : migrations) {
                List<Operation> operations = migration.operations();
                for (int i = 0; i < operations.size(); i++) {
                    Operation operation = operations.get(i);
                    Statements statements = operation.render(new RenderContext(migration.id(), i + 1,
                            options.excludedPrefix(), RenderContext.DEFAULT_ARCHIVE_SCHEMA));
                    try {
                        executor.execute(c, statements, StepExecutor.InTransaction.NOTHING);
                    } catch (SQLException e) {
                        throw new ZanithException(migration.location() + ": step " + (i + 1) + " (" + operation.summary()
                                + ") fails on the shadow: " + e.getMessage(), e);
                    }
                }
            }
        } catch (SQLException e) {
            throw new ZanithException("Shadow " + shadow.describe() + " failed: " + e.getMessage(), e);
        }
    }

    /** The shadow's schema now. */
    public LiveSchema introspect() {
        try (Connection c = shadow.connections().open()) {
            return new Introspector(options.skippingMissingSchemas()).introspect(c);
        } catch (SQLException e) {
            throw new ZanithException("Could not introspect the " + shadow.describe() + ": " + e.getMessage(), e);
        }
    }
}
