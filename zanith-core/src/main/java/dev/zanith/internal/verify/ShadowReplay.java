package dev.zanith.internal.verify;

import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.step.StepExecutor;
import dev.zanith.internal.step.Timeouts;
import dev.zanith.internal.diff.Differ;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.introspect.IntrospectionOptions;
import dev.zanith.internal.introspect.Introspector;
import dev.zanith.internal.introspect.LiveDefinitions;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recreates a schema graph in a shadow (rendered by the differ from an empty graph, extensions and enums
 * included) and runs migrations on top: what the live database will look like once they are applied.
 */
public final class ShadowReplay {

    private static final java.util.regex.Pattern DATABASE_WIDE = java.util.regex.Pattern.compile(
            "\\b(CREATE|DROP|ALTER)\\s+(EXTENSION|SCHEMA|ROLE|USER|DATABASE)\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

    private final Shadow shadow;
    private final IntrospectionOptions options;
    private final LiveDefinitions definitions;
    private final List<String> notRecreated = new ArrayList<>();
    private final Set<LiveDefinitions.Definition> missing = new LinkedHashSet<>();
    private final StepExecutor executor = new StepExecutor(new Timeouts(java.time.Duration.ZERO,
            java.time.Duration.ZERO, java.time.Duration.ZERO));

    public ShadowReplay(Shadow shadow, IntrospectionOptions options) {
        this(shadow, options, LiveDefinitions.none());
    }

    /** @param definitions what the live database has beyond the graph, recreated around it by {@link #recreate} */
    public ShadowReplay(Shadow shadow, IntrospectionOptions options, LiveDefinitions definitions) {
        this.shadow = shadow;
        this.options = options;
        this.definitions = definitions;
    }

    /**
     * Builds {@code graph} in the empty shadow, then the live catalog's own definitions of what the graph does not
     * model ({@link LiveDefinitions}: triggers on views and partitioned tables, clustering). A definition that fails
     * is tried again once the others are in; one that still fails is left out and named by {@link #notRecreated()}.
     */
    public void recreate(SchemaGraph graph) {
        SchemaMapping mapping = shadow.mapping();
        List<Operation> operations = Differ.diff(SchemaGraph.empty(), graph).operations().stream()
                .filter(o -> mapping.isIdentity() || !(o instanceof CreateSchema)) // the twins exist already
                // Event triggers are database-wide: the schema shadow shares the target's database, where they are
                // there already (and fire on the shadow's DDL as on the target's).
                .filter(o -> mapping.isIdentity() || !(o instanceof dev.zanith.api.ops.CreateEventTrigger))
                // default privileges for every schema are the shared database's own: there already, never re-run
                .filter(o -> mapping.isIdentity() || !(o instanceof dev.zanith.api.ops.AlterDefaultPrivileges d
                        && d.schema() == null))
                .map(this::forShadow).toList();
        try (Connection c = shadow.connections().open()) {
            if (!mapping.isIdentity()) {
                // The same-database shadow renames schemas; the catalog's definitions name the real ones.
                String why = "the schema shadow cannot recreate it under its shadow schema's name; use --shadow "
                        + "database or --shadow embedded";
                definitions.afterTables().forEach(d -> missing(d, why));
            }
            if (shadow.privateServer()) {
                // A private server has none of the target's roles: the grants and default privileges being replayed
                // need them to exist (the migration role itself, CURRENT_USER in a revoked default, is no role to create)
                List<String> grantees = java.util.stream.Stream.concat(
                        graph.grants().stream().map(dev.zanith.api.schema.Grant::grantee),
                        graph.defaultPrivileges().stream().map(dev.zanith.api.schema.DefaultPrivilege::grantee)
                                .filter(g -> !g.equals(dev.zanith.api.schema.DefaultPrivilege.SELF))).toList();
                for (String role : dev.zanith.internal.introspect.PrivilegeCatalog.missingRoles(c, grantees)) {
                    Jdbc.execute(c, "CREATE ROLE " + dev.zanith.internal.sql.Identifiers.quote(role) + " NOLOGIN");
                }
            }
            List<Statements> rendered = new ArrayList<>();
            for (int i = 0; i < operations.size(); i++) {
                rendered.add(operations.get(i).render(new RenderContext("replay", i + 1, options.excludedPrefix(),
                        RenderContext.DEFAULT_ARCHIVE_SCHEMA)));
            }
            int next = 0;
            while (next < operations.size()) {
                int end = next;
                while (end < operations.size() && end - next < BATCH && batchable(rendered.get(end))) {
                    end++;
                }
                if (end == next || !runBatch(c, rendered.subList(next, end))) {
                    // alone, or a batch that failed: one by one, so that the error names its operation
                    for (int i = next; i < Math.max(end, next + 1); i++) {
                        recreateOne(c, operations.get(i), rendered.get(i));
                    }
                }
                next = Math.max(end, next + 1);
            }
            if (mapping.isIdentity()) {
                Map<LiveDefinitions.Definition, String> failed = replay(c, definitions.afterTables());
                while (!failed.isEmpty()) {
                    Map<LiveDefinitions.Definition, String> again = replay(c, List.copyOf(failed.keySet()));
                    if (again.size() == failed.size()) {
                        break; // no progress: what is left fails on its own
                    }
                    failed = again;
                }
                failed.forEach((d, error) -> missing(d, "recreating it failed: " + error));
            }
        } catch (SQLException e) {
            throw new ZanithException("Shadow " + shadow.describe() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Operations recreated in one transaction and one round trip: a commit and a round trip (or four, with the
     * executor's timeouts) per operation was most of what recreating a large schema cost. As many as the declared
     * replay's batches, for the same lock-table headroom.
     */
    static final int BATCH = dev.zanith.internal.shadow.DeclaredSchema.BATCH;

    /** Whether the statements can share a batch: transactional, no COPY data, no rows returned. */
    private static boolean batchable(Statements statements) {
        if (!statements.transactional()) {
            return false;
        }
        for (int i = 0; i < statements.sql().size(); i++) {
            String sql = statements.sql().get(i).stripLeading().toLowerCase(java.util.Locale.ROOT);
            if (statements.copyData(i) != null || sql.startsWith("select") || sql.startsWith("with")
                    || sql.startsWith("copy")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs {@code batch} in one transaction, sent as one multi-statement text (one round trip); false, with nothing
     * done, when any statement fails.
     */
    private static boolean runBatch(Connection c, List<Statements> batch) throws SQLException {
        StringBuilder text = new StringBuilder("SET LOCAL lock_timeout = 0;\nSET LOCAL statement_timeout = 0");
        for (Statements statements : batch) {
            for (String sql : statements.sql()) {
                text.append("\n;\n").append(sql); // a statement ending in a -- comment still ends
            }
        }
        c.setAutoCommit(false);
        try (java.sql.Statement statement = c.createStatement()) {
            statement.setEscapeProcessing(false); // the text goes to the server exactly as rendered
            statement.execute(text.toString());
            c.commit();
            return true;
        } catch (SQLException e) {
            c.rollback();
            return false;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private void recreateOne(Connection c, Operation operation, Statements statements) {
        try {
            executor.execute(c, statements, StepExecutor.InTransaction.NOTHING);
        } catch (SQLException e) {
            throw new ZanithException("Could not recreate the live schema in the " + shadow.describe() + " ("
                    + operation.summary() + "): " + e.getMessage() + ". If it uses an extension or role the "
                    + "shadow server lacks, use --shadow database (a temporary database on your own server).", e);
        }
    }

    /**
     * A shadow from {@code source} holding {@code graph} as {@link #recreate} builds it (without live definitions):
     * a copy of one built for the same graph and options before, where the provider keeps them
     * ({@link ShadowSource#openBuilt}), else built now.
     */
    public static Shadow openRecreated(dev.zanith.internal.shadow.ShadowSource source, SchemaGraph graph,
                                       IntrospectionOptions options) {
        return source.openBuilt(recreated(graph, options), shadow -> new ShadowReplay(shadow, options).recreate(graph));
    }

    /** What {@link #openRecreated} builds, for {@link ShadowSource#openBuilt}: the graph's fingerprint and the options. */
    public static String recreated(SchemaGraph graph, IntrospectionOptions options) {
        return "ShadowReplay.recreate 1\n" + dev.zanith.api.schema.SchemaGraphJson.fingerprint(graph) + '\n'
                + options.schemas() + '\n' + options.excludedPrefix() + '\n' + options.skipMissingSchemas();
    }

    /** Runs each definition; the ones that failed, with the server's message. */
    private static Map<LiveDefinitions.Definition, String> replay(Connection c, List<LiveDefinitions.Definition> all) {
        Map<LiveDefinitions.Definition, String> failed = new LinkedHashMap<>();
        for (LiveDefinitions.Definition d : all) {
            try {
                for (String sql : d.sql()) {
                    Jdbc.execute(c, sql);
                }
            } catch (SQLException e) {
                failed.put(d, e.getMessage());
            }
        }
        return failed;
    }

    private void missing(LiveDefinitions.Definition definition, String why) {
        if (missing.add(definition)) {
            notRecreated.add(definition.object() + " (" + why + ")");
        }
    }

    /**
     * What the live database has that this shadow lacks, one sentence each ("view public.active_users (recreating it
     * failed: ...)"): what touches it was not rehearsed with it.
     */
    public List<String> notRecreated() {
        return List.copyOf(notRecreated);
    }

    /** The objects of {@link #notRecreated()}, to recognize a statement that mentions one. */
    public List<LiveDefinitions.Definition> missing() {
        return List.copyOf(missing);
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
        if (operation instanceof DropExtension || operation instanceof dev.zanith.api.ops.CreateEventTrigger
                || operation instanceof dev.zanith.api.ops.DropEventTrigger || operation instanceof CreateSchema create
                && mapping.schemaToShadow(create.schema()).equals(create.schema())
                || operation instanceof dev.zanith.api.ops.DropSchema drop
                && mapping.schemaToShadow(drop.schema()).equals(drop.schema())) {
            throw new ZanithException("The schema shadow cannot rehearse " + operation.summary() + ": it would change the "
                    + "target database itself. Use --shadow database or --shadow embedded"
                    + (operation instanceof CreateSchema ? ", or add the schema to --schemas." : "."));
        }
        if (operation instanceof dev.zanith.api.ops.AlterDefaultPrivileges d && d.schema() == null) {
            throw new ZanithException("The schema shadow cannot rehearse " + operation.summary() + ": default "
                    + "privileges for every schema belong to the target database itself. Use --shadow database or "
                    + "--shadow embedded.");
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
