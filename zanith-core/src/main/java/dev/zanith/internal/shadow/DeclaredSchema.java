package dev.zanith.internal.shadow;

import dev.zanith.internal.shadow.ShadowSource;
import dev.zanith.internal.sql.SqlScript;
import dev.zanith.api.exception.ZanithConfigException;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.sql.SqlResources;
import dev.zanith.internal.sql.StatementErrors;
import dev.zanith.internal.sql.StatementKinds;
import dev.zanith.internal.introspect.IntrospectionOptions;
import dev.zanith.internal.introspect.Introspector;
import dev.zanith.api.schema.LiveSchema;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.SchemaGraphJson;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schema a user declares, read into a {@link SchemaGraph}:
 * <ul>
 *   <li>{@code .sql}: plain PostgreSQL DDL, normalized by running it statement by statement on a throwaway shadow
 *       database and introspecting the result, so that every type, default and constraint is spelled exactly as
 *       PostgreSQL spells it;</li>
 *   <li>{@code .json}, {@code .yaml}, {@code .yml}: a schema graph as written by {@code zanith inspect --format
 *       json} (and the snapshots), read as is.</li>
 * </ul>
 * Nothing is ever written anywhere but inside the shadow. A statement the server rejects stops everything with
 * the server's message at {@code file:line:column}.
 */
public final class DeclaredSchema {

    /** The formats a declared schema file can have, told apart by the file's extension. */
    public enum Format {
        SQL, JSON, YAML;

        /**
         * The format of {@code file} by its extension.
         *
         * @throws ZanithConfigException for any other extension
         */
        public static Format of(Path file) {
            String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".sql")) {
                return SQL;
            }
            if (name.endsWith(".json")) {
                return JSON;
            }
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                return YAML;
            }
            throw new ZanithConfigException("Cannot tell the format of the declared schema " + file + " from its "
                    + "name. Use a .sql file (PostgreSQL DDL) or a .json/.yaml/.yml schema graph (as written by "
                    + "zanith inspect --format json).");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(DeclaredSchema.class);

    private static final Pattern CREATE_EXTENSION = Pattern.compile(
            "(?is)create\\s+extension\\s+(?:if\\s+not\\s+exists\\s+)?(\"(?:[^\"]|\"\")+\"|[^\\s;]+)");
    private static final Pattern MISSING_TYPE = Pattern.compile("type \"(?:[^\"]+\\.)?([^\".]+)\" does not exist");

    /** Types users often declare without the extension that provides them (besides types named like theirs). */
    private static final Map<String, String> EXTENSION_TYPES = Map.ofEntries(
            Map.entry("geometry", "postgis"), Map.entry("geography", "postgis"), Map.entry("box2d", "postgis"),
            Map.entry("box3d", "postgis"), Map.entry("raster", "postgis_raster"), Map.entry("halfvec", "vector"),
            Map.entry("sparsevec", "vector"), Map.entry("ean13", "isn"), Map.entry("isbn", "isn"),
            Map.entry("issn", "isn"), Map.entry("upc", "isn"), Map.entry("ltxtquery", "ltree"),
            Map.entry("lquery", "ltree"), Map.entry("gtsvector", "pg_trgm"));

    /** psql meta-commands pg_dump writes that only guard psql itself; skipped. */
    private static final Set<String> HARMLESS_META_COMMANDS = Set.of("\\restrict", "\\unrestrict");

    private DeclaredSchema() {
    }

    /**
     * Reads the declared schema in {@code file}. A {@code .sql} file is normalized on a shadow from
     * {@code shadows} (opened and closed here); a schema graph file needs no shadow and none is opened.
     *
     * @param options which schemas to read from the shadow (missing ones are skipped: the file may not create
     *                all of them)
     */
    public static SchemaGraph load(Path file, ShadowSource shadows, IntrospectionOptions options) {
        Format format = Format.of(file);
        requireFile(file);
        return switch (format) {
            case JSON -> SchemaGraphJson.fromJson(SqlScript.readText(file), file.toString());
            case YAML -> SchemaGraphJson.fromYaml(SqlScript.readText(file), file.toString());
            case SQL -> normalize(file, shadows, options).graph();
        };
    }

    /**
     * Like {@link #load} but over every schema the declared file has, not only {@code options.schemas()}: so that a
     * caller can tell which schemas it uses, and which of its objects fall outside a given scope. A shadow that
     * maps schema names (the same-database topology) can only show {@code options.schemas()}.
     */
    public static SchemaGraph loadEverySchema(Path file, ShadowSource shadows, IntrospectionOptions options) {
        if (Format.of(file) != Format.SQL) {
            return load(file, shadows, options);
        }
        SqlScript script = readSql(file);
        refuseUnrunnable(script, file.toString(), shadows.name(), describeProvider(shadows.name()));
        try (Shadow shadow = shadows.open()) {
            SchemaMapping mapping = shadow.mapping();
            Optional<DeclaredGraphCache> cache = DeclaredGraphCache.standard();
            String key = null;
            if (cache.isPresent()) {
                try (Connection c = shadow.connections().open()) {
                    String facts = Jdbc.queryFirst(c, SqlResources.get("introspect/shadow-cache-facts.sql"),
                            rs -> rs.getString(1)).orElse("");
                    key = DeclaredGraphCache.key(script, shadow.providerName(), facts, mapping.isIdentity(), options);
                } catch (SQLException e) {
                    throw new ZanithException("Could not connect to the " + shadow.describe() + ": "
                            + e.getMessage(), e);
                }
                Optional<SchemaGraph> cached = cache.get().get(key);
                if (cached.isPresent()) {
                    LOG.info("The declared schema {} was run on a {} shadow before, unchanged: its schema graph is "
                            + "read from {}", file, shadow.providerName(), cache.get().directory());
                    return cached.get();
                }
            }
            apply(script, file.toString(), shadow);
            try (Connection c = shadow.connections().open()) {
                IntrospectionOptions every = mapping.isIdentity()
                        ? new IntrospectionOptions(Introspector.userSchemas(c), options.excludedPrefix(), true)
                        : mapping.shadowOptions(options.skippingMissingSchemas());
                SchemaGraph graph = mapping.fromShadow(new Introspector(every).introspect(c)).graph();
                if (key != null) {
                    cache.get().put(key, graph);
                }
                return graph;
            } catch (SQLException e) {
                throw new ZanithException("Could not read back the declared schema " + file + " from the "
                        + shadow.describe() + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Normalizes the {@code .sql} file on a shadow from {@code shadows} (opened, and closed however this ends)
     * and returns what was introspected there, with the shadow server's version.
     */
    public static LiveSchema normalize(Path sqlFile, ShadowSource shadows, IntrospectionOptions options) {
        SqlScript script = readSql(sqlFile);
        // refuse what cannot be run before a shadow is even opened
        refuseUnrunnable(script, sqlFile.toString(), shadows.name(), describeProvider(shadows.name()));
        try (Shadow shadow = shadows.open()) {
            return loadInto(script, sqlFile.toString(), shadow, options);
        }
    }

    /**
     * Runs the {@code .sql} file on an already open shadow, which stays open (so one shadow can serve several
     * steps), and introspects it.
     */
    public static LiveSchema loadInto(Path sqlFile, Shadow shadow, IntrospectionOptions options) {
        return loadInto(readSql(sqlFile), sqlFile.toString(), shadow, options);
    }

    /**
     * Runs {@code script} on an already open shadow, which stays open, and introspects it.
     *
     * @param source how errors name the script, e.g. its path
     */
    public static LiveSchema loadInto(SqlScript script, String source, Shadow shadow, IntrospectionOptions options) {
        apply(script, source, shadow);
        try (Connection c = shadow.connections().open()) {
            SchemaMapping mapping = shadow.mapping();
            return mapping.fromShadow(new Introspector(mapping.shadowOptions(options.skippingMissingSchemas())).introspect(c));
        } catch (SQLException e) {
            throw new ZanithException("Could not read back the declared schema " + source + " from the "
                    + shadow.describe() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs the statements of {@code script} one at a time, in order, on one connection to the shadow (so
     * {@code SET search_path} and the like carry over), stopping at the first failure: in transactions of up to
     * {@value #BATCH} statements that behave as auto-commit would (see {@link #runsAlone}), or in auto-commit when
     * the script has transaction control of its own.
     * Statements that would change the whole server rather than the shadow database (roles, databases,
     * tablespaces, ...) are refused up front unless the shadow is a private embedded server.
     *
     * @param source how errors name the script, e.g. its path
     * @throws ZanithException {@code source:line:column: <server message> (in the statement starting at ...)}
     */
    public static void apply(SqlScript script, String source, Shadow shadow) {
        refuseUnrunnable(script, source, shadow.providerName(), shadow.describe());
        List<SqlScript.Statement> statements = script.statements().stream()
                .filter(s -> !isHarmlessMetaCommand(s))
                .toList();
        LOG.debug("Running {} statements of {} on the {}", statements.size(), source, shadow.describe());
        // Statements share transactions of up to BATCH statements rather than commit one by one: a commit each (a
        // WAL flush each) was most of what replaying a large declared schema cost. A batch stays well inside the
        // lock table (a relation created holds its lock until commit; pg_restore --single-transaction runs out at
        // a few thousand). Each batch makes deferred constraints immediate, so a violation fails at its own
        // statement as it would in auto-commit. What behaves differently inside a transaction block commits the
        // batch and runs alone in auto-commit (see runsAlone); a script with transaction control of its own runs
        // statement by statement in auto-commit, as psql would.
        boolean batched = statements.stream().noneMatch(s -> StatementKinds.transactionControl(s) != null);
        try (Connection c = shadow.connections().open(); java.sql.Statement jdbc = c.createStatement()) {
            jdbc.setEscapeProcessing(false); // the text goes to the server exactly as written
            int inBatch = 0;
            for (SqlScript.Statement statement : statements) {
                try {
                    if (!batched || runsAlone(statement)) {
                        if (!c.getAutoCommit()) {
                            c.commit();
                            c.setAutoCommit(true);
                        }
                        inBatch = 0;
                    } else if (c.getAutoCommit()) {
                        c.setAutoCommit(false);
                        jdbc.execute("SET CONSTRAINTS ALL IMMEDIATE");
                    }
                    if (statement.copyData() != null) {
                        Jdbc.executeStatement(c, statement.sql(), statement.copyData()); // pg_dump's data sections
                    } else {
                        jdbc.execute(statement.sql());
                    }
                    jdbc.clearWarnings();
                    if (!c.getAutoCommit() && ++inBatch >= BATCH) {
                        c.commit();
                        c.setAutoCommit(true); // the next statement opens the next batch
                        inBatch = 0;
                    }
                } catch (SQLException e) {
                    if (!c.getAutoCommit()) {
                        c.rollback(); // the shadow is discarded; the connection must answer the error's hint query
                        c.setAutoCommit(true);
                    }
                    throw statementFailed(script, statement, source, shadow, c, e);
                }
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new ZanithException("Could not run the declared schema " + source + " on the " + shadow.describe()
                    + ": " + e.getMessage(), e);
        }
    }

    private static void requireFile(Path file) {
        if (!Files.exists(file)) {
            throw new ZanithConfigException("Declared schema file not found: " + file + " (looked for "
                    + file.toAbsolutePath().normalize() + "). Pass --declared with the path of a .sql, .json or "
                    + ".yaml file.");
        }
    }

    private static SqlScript readSql(Path file) {
        if (Format.of(file) != Format.SQL) {
            throw new ZanithConfigException(file + " is a schema graph, not SQL: it needs no shadow database. "
                    + "Read it with DeclaredSchema.load.");
        }
        requireFile(file);
        return SqlScript.parse(SqlScript.readText(file));
    }

    /**
     * Statements of a declared schema that share one transaction when replayed (see {@link #apply}), and operations
     * of a live schema recreated on a shadow ({@code ShadowReplay}): few enough that the relations they create stay
     * far inside the lock table.
     */
    public static final int BATCH = 50;

    /**
     * Whether {@code statement} runs alone in auto-commit during a batched replay, because inside a transaction
     * block it fails or does something else than psql's auto-commit would: what PostgreSQL refuses in a
     * transaction block; {@code ALTER TYPE ... ADD VALUE} (the value is unusable until committed); {@code DO} and
     * {@code CALL} (their code may commit, or add enum values); {@code SET LOCAL}, {@code SET TRANSACTION},
     * {@code SET CONSTRAINTS} and {@code LOCK} (no-ops or warnings in auto-commit, in force for the rest of a batch).
     */
    static boolean runsAlone(SqlScript.Statement statement) {
        if (StatementKinds.cannotRunInTransaction(statement) != null) {
            return true;
        }
        List<String> w = statement.words(12);
        if (w.isEmpty()) {
            return false;
        }
        String first = w.get(0);
        String second = w.size() > 1 ? w.get(1) : "";
        if (first.equals("do") || first.equals("call") || first.equals("lock")) {
            return true;
        }
        if (first.equals("set")) {
            return second.equals("local") || second.equals("transaction") || second.equals("constraints");
        }
        if (first.equals("alter") && second.equals("type")) {
            int add = w.indexOf("add");
            return add > 1 && add + 1 < w.size() && w.get(add + 1).equals("value");
        }
        return false;
    }

    private static boolean isHarmlessMetaCommand(SqlScript.Statement statement) {
        if (!statement.psqlMetaCommand()) {
            return false;
        }
        String command = statement.sql().split("\\s+", 2)[0];
        return HARMLESS_META_COMMANDS.contains(command);
    }

    /** Meta-commands, and statements reaching beyond the shadow database on a server that is not private. */
    private static void refuseUnrunnable(SqlScript script, String source, String providerName, String shadow) {
        for (SqlScript.Statement statement : script.statements()) {
            String at = source + ":" + statement.line() + ":" + statement.column() + ": ";
            if (statement.psqlMetaCommand()) {
                if (isHarmlessMetaCommand(statement)) {
                    continue;
                }
                throw new ZanithException(at + "psql meta-command " + statement.sql().split("\\s+", 2)[0]
                        + " is not SQL: the declared schema is run statement by statement as plain SQL, not by "
                        + "psql. Remove it.");
            }
            if (EmbeddedShadowProvider.NAME.equals(providerName)) {
                continue; // a private server, thrown away afterwards: anything goes
            }
            String command = ServerWideStatements.command(statement.words(200));
            if (command != null) {
                throw new ZanithException(at + command + " changes the whole PostgreSQL server, not just the "
                        + "shadow database, so Zanith does not run it on the " + shadow + " (nothing was run). "
                        + "Remove it from the declared schema (roles, databases and tablespaces are not part of a "
                        + "schema: create them on the server beforehand), or use --shadow embedded, a private "
                        + "server that is thrown away afterwards.");
            }
        }
    }

    private static String describeProvider(String providerName) {
        return switch (providerName) {
            case TemporaryDatabaseShadowProvider.NAME -> "temporary shadow database on the target's server";
            case UrlShadowProvider.NAME -> "shadow database given with --shadow";
            default -> providerName + " shadow";
        };
    }

    private static ZanithException statementFailed(SqlScript script, SqlScript.Statement statement, String source,
                                                   Shadow shadow, Connection c, SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = StatementErrors.message(e);
        String extension = unavailableExtension(statement, state, message, server);
        if (extension != null) {
            return new ZanithException(source + ":" + statement.line() + ":" + statement.column() + ": extension "
                    + extension + " is not available on the " + unavailableOn(shadow) + " ("
                    + StatementErrors.inStatement(statement) + "). " + unavailableAdvice(shadow), e);
        }
        StringBuilder text = new StringBuilder(StatementErrors.describe(script, statement, p -> source + ":" + p, e));
        if ("42704".equals(state)) {
            StatementErrors.appendLabelled(text, "HINT", extensionTypeHint(c, message));
        }
        return new ZanithException(text.toString(), e);
    }

    /** The extension a failed CREATE EXTENSION asked for, if the failure is that the server does not have it. */
    private static String unavailableExtension(SqlScript.Statement statement, String state, String message,
                                               ServerErrorMessage server) {
        if (!state.equals("0A000") && !state.equals("58P01")) {
            return null;
        }
        String details = message + " " + (server == null || server.getDetail() == null ? "" : server.getDetail());
        if (!details.contains("is not available") && !details.contains("could not open extension control file")) {
            return null;
        }
        Matcher m = CREATE_EXTENSION.matcher(statement.sql());
        if (!m.lookingAt()) {
            return null;
        }
        String name = m.group(1);
        return name.startsWith("\"") ? name.substring(1, name.length() - 1).replace("\"\"", "\"")
                : name.toLowerCase(Locale.ROOT);
    }

    private static String unavailableOn(Shadow shadow) {
        return EmbeddedShadowProvider.NAME.equals(shadow.providerName()) ? "embedded shadow server"
                : "server of the " + shadow.describe();
    }

    private static String unavailableAdvice(Shadow shadow) {
        return switch (shadow.providerName()) {
            case EmbeddedShadowProvider.NAME -> "The embedded one ships PostgreSQL's contrib extensions only: use "
                    + "--shadow database (a temporary database on your own server) or --shadow <url> of a server "
                    + "that has it.";
            case TemporaryDatabaseShadowProvider.NAME -> "Install the extension on that server, or use --shadow <url> "
                    + "of a server that has it.";
            default -> "Install the extension there, or use --shadow database (a temporary database on your own "
                    + "server) or --shadow <url> of a server that has it.";
        };
    }

    /** For "type x does not exist": the extension that provides x, if the shadow server has it. */
    private static String extensionTypeHint(Connection c, String message) {
        Matcher m = MISSING_TYPE.matcher(message);
        if (!m.find()) {
            return null;
        }
        String type = m.group(1).toLowerCase(Locale.ROOT);
        String extension = EXTENSION_TYPES.getOrDefault(type, type);
        try {
            boolean available = Jdbc.queryFirst(c, SqlResources.get("shadow/extension-available.sql"),
                    rs -> rs.getBoolean("available"), extension).orElse(false);
            if (available) {
                return "type " + type + " comes from the extension " + extension + ": declare it with CREATE "
                        + "EXTENSION IF NOT EXISTS " + extension + "; before this statement";
            }
            if (EXTENSION_TYPES.containsKey(type)) {
                return "type " + type + " comes from the extension " + extension + ", which this shadow server "
                        + "does not have: declare it with CREATE EXTENSION " + extension + "; and use a shadow "
                        + "server that has it (--shadow database or --shadow <url>)";
            }
        } catch (SQLException ignored) {
            // no hint then
        }
        return null;
    }
}
