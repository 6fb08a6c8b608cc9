package dev.zanith.internal.verify;

import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.step.StepExecutor;
import dev.zanith.internal.step.Timeouts;
import dev.zanith.internal.diff.Differ;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.introspect.IntrospectionOptions;
import dev.zanith.internal.introspect.Introspector;
import dev.zanith.api.migration.Migration;
import dev.zanith.api.ops.CreateExtension;
import dev.zanith.api.ops.CreateSchema;
import dev.zanith.api.ops.DropExtension;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.ops.RawSql;
import dev.zanith.api.ops.RenderContext;
import dev.zanith.api.ops.Statements;
import dev.zanith.api.schema.LiveSchema;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.internal.shadow.SchemaMapping;
import dev.zanith.internal.shadow.Shadow;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Recreates a schema graph in a shadow (rendered by the differ from an empty graph, extensions and enums
 * included) and runs migrations on top: what the live database will look like once they are applied.
 */
public final class ShadowReplay {

    private static final java.util.regex.Pattern DATABASE_WIDE = java.util.regex.Pattern.compile(
            "\\b(CREATE|DROP|ALTER)\\s+(EXTENSION|SCHEMA|ROLE|USER|DATABASE)\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

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
        SchemaMapping mapping = shadow.mapping();
        List<Operation> operations = Differ.diff(SchemaGraph.empty(), graph).operations().stream()
                .filter(o -> mapping.isIdentity() || !(o instanceof CreateSchema)) // the twins exist already
                .map(this::forShadow).toList();
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
                    Operation operation = forShadow(operations.get(i));
                    Statements statements = operation.render(new RenderContext(migration.id(), i + 1,
                            options.excludedPrefix(), shadow.mapping().schemaToShadow(RenderContext.DEFAULT_ARCHIVE_SCHEMA)));
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

    /**
     * {@code operation} as it runs in this shadow: names mapped for the same-database topology, where
     * database-wide changes cannot be rehearsed (an extension that is already installed is simply there).
     */
    public Operation forShadow(Operation operation) {
        SchemaMapping mapping = shadow.mapping();
        if (mapping.isIdentity()) {
            return operation;
        }
        if (operation instanceof CreateExtension create) {
            if (extensionInstalled(create.name())) {
                return new RawSql("SELECT 1", true); // installed database-wide already: nothing to rehearse
            }
            throw new ZanithException("The schema shadow shares the target database, where extension " + create.name()
                    + " is not installed: CREATE EXTENSION is database-wide and cannot be rehearsed there. Use "
                    + "--shadow database or --shadow embedded.");
        }
        if (operation instanceof DropExtension || operation instanceof CreateSchema create
                && mapping.schemaToShadow(create.schema()).equals(create.schema())
                || operation instanceof dev.zanith.api.ops.DropSchema drop
                && mapping.schemaToShadow(drop.schema()).equals(drop.schema())) {
            throw new ZanithException("The schema shadow cannot rehearse " + operation.summary() + ": it would change the "
                    + "target database itself. Use --shadow database or --shadow embedded"
                    + (operation instanceof CreateSchema ? ", or add the schema to --schemas." : "."));
        }
        if (operation instanceof RawSql raw && DATABASE_WIDE.matcher(raw.sql()).find()) {
            throw new ZanithException("The schema shadow cannot rehearse raw SQL that changes the database itself "
                    + "(extensions, schemas, roles): " + raw.summary() + ". Use --shadow database or --shadow embedded.");
        }
        return mapping.operationToShadow(operation);
    }

    private boolean extensionInstalled(String name) {
        try (Connection c = shadow.connections().open()) {
            return Jdbc.queryFirst(c, "SELECT 1 FROM pg_catalog.pg_extension WHERE extname = ?", rs -> true, name)
                    .orElse(false);
        } catch (SQLException e) {
            throw new ZanithException("Shadow " + shadow.describe() + " failed: " + e.getMessage(), e);
        }
    }

    /** How long reading the shadow's catalog may wait for a lock before it fails instead of hanging. */
    private static final String LOCK_TIMEOUT = "10s";

    /**
     * The shadow's schema now, in real names. Reading waits at most {@value #LOCK_TIMEOUT} for a lock: a step that
     * left a lock behind makes it fail with the server's message rather than hang.
     */
    public LiveSchema introspect() {
        try (Connection c = shadow.connections().open()) {
            Jdbc.query(c, "SELECT pg_catalog.set_config('lock_timeout', ?, false)", rs -> null, LOCK_TIMEOUT);
            return introspect(c);
        } catch (SQLException e) {
            throw new ZanithException("Could not introspect the " + shadow.describe() + ": " + e.getMessage(), e);
        }
    }

    /** The shadow's schema as {@code c} sees it (inside its open transaction, if any), in real names. */
    public LiveSchema introspect(Connection c) throws SQLException {
        SchemaMapping mapping = shadow.mapping();
        return mapping.fromShadow(new Introspector(mapping.shadowOptions(options.skippingMissingSchemas())).introspect(c));
    }
}
