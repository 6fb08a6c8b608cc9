package dev.zanith.internal.shadow;

import dev.zanith.internal.shadow.ShadowSource;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.jdbc.ConnectionSource;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.sql.Identifiers;
import dev.zanith.internal.sql.SqlResources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code --shadow database}: a uniquely named temporary database on the target server, created empty from
 * {@code template0} and dropped on close ({@code WITH (FORCE)}), also when anything in between failed and when
 * the JVM exits early.
 */
final class TemporaryDatabaseShadowProvider implements ShadowSource {

    static final String NAME = "database";
    static final String NAME_PREFIX = "zanith_shadow_";

    private static final Logger LOG = LoggerFactory.getLogger(TemporaryDatabaseShadowProvider.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConnectionSource target;
    private final Supplier<String> names;

    private final boolean templates;

    TemporaryDatabaseShadowProvider(ConnectionSource target) {
        this(target, TemporaryDatabaseShadowProvider::randomName, ShadowTemplates.enabled(System.getenv()));
    }

    /** With chosen database names (tests). */
    TemporaryDatabaseShadowProvider(ConnectionSource target, Supplier<String> names) {
        this(target, names, ShadowTemplates.enabled(System.getenv()));
    }

    /**
     * @param templates whether {@link #openBuilt} copies and keeps shadow templates ({@link ShadowTemplates}) on the
     *                  target's server
     */
    TemporaryDatabaseShadowProvider(ConnectionSource target, Supplier<String> names, boolean templates) {
        this.target = target;
        this.names = names;
        this.templates = templates;
    }

    static String randomName() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return NAME_PREFIX + HexFormat.of().formatHex(bytes);
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * A copy of the template of {@code content} when this server has one (see {@link ShadowTemplates}); else a new
     * temporary database that {@code build} fills, kept as that template for the next run. Facts that cannot be read,
     * or a copy that fails, only cost the speed-up.
     */
    @Override
    public Shadow openBuilt(String content, java.util.function.Consumer<Shadow> build) {
        if (!templates || !target.hasUrl()) {
            return ShadowSource.super.openBuilt(content, build);
        }
        String template;
        boolean usable;
        try (Connection c = target.open()) {
            // Read in the target database's session: its own settings (ALTER DATABASE ... SET), which a shadow does
            // not get, only make the name stricter; the server's, the role's and the connection's are the shadow's.
            String facts = Jdbc.queryFirst(c, SqlResources.get("introspect/shadow-cache-facts.sql"),
                    rs -> rs.getString("template_facts")).orElse("");
            template = ShadowTemplates.name(NAME, facts, content);
            usable = Jdbc.queryFirst(c, SqlResources.get("shadow/template-usable.sql"), rs -> rs.getBoolean(1),
                    template).orElse(false);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("No shadow template on {}: {}", target.describeTarget(), e.getMessage());
            return ShadowSource.super.openBuilt(content, build);
        }
        if (usable) {
            try {
                Shadow copy = open(template);
                LOG.info("The shadow was copied from the template {} (made by an earlier run for the same live "
                        + "schema)", template);
                return copy;
            } catch (TemplateMissing e) {
                LOG.debug("The shadow template {} could not be copied: {}", template, e.getMessage());
            }
        }
        TemporaryDatabase shadow = (TemporaryDatabase) open();
        try {
            build.accept(shadow);
        } catch (RuntimeException | Error e) {
            shadow.close();
            throw e;
        }
        try (Connection c = target.open()) {
            ShadowTemplates.keep(c, shadow.database(), template);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Could not keep the shadow template {}: {}", template, e.getMessage());
        }
        return shadow;
    }

    @Override
    public Shadow open() {
        try {
            return open(null);
        } catch (TemplateMissing e) {
            throw new IllegalStateException(e); // only a template can be missing
        }
    }

    /** The template of {@link #openBuilt} could not be copied (none, or a failure): build instead. */
    private static final class TemplateMissing extends Exception {
        TemplateMissing(String message) {
            super(message, null, false, false);
        }
    }

    /** A new temporary database: empty ({@code template} null), or a copy of {@code template}. */
    private Shadow open(String template) throws TemplateMissing {
        if (!target.hasUrl()) {
            throw new ZanithException("--shadow database needs a JDBC URL for the target server to connect to the "
                    + "temporary database it creates, but Zanith was given an application DataSource. Use --shadow "
                    + "embedded, or --shadow <url> of an empty database you may use.");
        }
        String database = names.get();
        ConnectionSource shadowConnections = target.withDatabase(database);
        String quoted = Identifiers.quote(database);
        try (Connection c = target.open()) {
            try {
                Jdbc.execute(c, template == null
                        ? SqlResources.render("shadow/create-database.sql", Map.of("database", quoted))
                        : SqlResources.render("shadow/create-database-from-template.sql",
                        Map.of("database", quoted, "template", Identifiers.quote(template))));
            } catch (SQLException e) {
                if (template != null) {
                    throw new TemplateMissing(e.getMessage()); // 3D000 when there is none
                }
                throw createFailed(c, database, e);
            }
            TemporaryDatabase shadow = new TemporaryDatabase(target, shadowConnections, database);
            try {
                Jdbc.execute(c, SqlResources.render("shadow/comment-database.sql", Map.of("database", quoted,
                        "comment", Identifiers.literal("zanith shadow database, created " + Instant.now()
                                + " by process " + ProcessHandle.current().pid() + "; safe to drop"))));
                try (Connection check = shadowConnections.open()) {
                    Jdbc.query(check, "SELECT 1", rs -> null);
                }
                LOG.debug("Opened {}", shadow.describe());
                return shadow;
            } catch (SQLException | RuntimeException e) {
                shadow.close();
                if (e instanceof ZanithException z) {
                    throw z;
                }
                throw new ZanithException("Cannot use the temporary shadow database " + database + " on "
                        + target.describeTarget() + ": " + e.getMessage(), e);
            }
        } catch (SQLException e) {
            throw new ZanithException("Cannot create a temporary shadow database on " + target.describeTarget()
                    + ": " + e.getMessage(), e);
        }
    }

    private ZanithException createFailed(Connection c, String database, SQLException e) {
        if ("42501".equals(e.getSQLState())) {
            String user = null;
            try {
                user = Jdbc.queryFirst(c, SqlResources.get("shadow/session.sql"), rs -> rs.getString("user_name"))
                        .orElse(null);
            } catch (SQLException ignored) {
                // keep the generic wording
            }
            return new ZanithException("Cannot create the temporary shadow database " + database + " on "
                    + target.describeTarget() + ": " + (user == null ? "the user" : "user " + user)
                    + " lacks the CREATEDB privilege (" + e.getMessage() + "). Grant it (ALTER ROLE "
                    + (user == null ? "<user>" : Identifiers.quote(user)) + " CREATEDB), or use --shadow embedded "
                    + "(a private PostgreSQL server) or --shadow <url> of an empty database you may use.", e);
        }
        return new ZanithException("Cannot create the temporary shadow database " + database + " on "
                + target.describeTarget() + ": " + ConnectionSource.message(e) + ". Use --shadow embedded or --shadow <url> "
                + "of an empty database instead.", e);
    }

    /** An open temporary database. */
    static final class TemporaryDatabase implements Shadow {
        private final ConnectionSource target;
        private final ConnectionSource connections;
        private final String database;
        private final ShutdownCleanup atExit;
        private boolean closed;

        TemporaryDatabase(ConnectionSource target, ConnectionSource connections, String database) {
            this.target = target;
            this.connections = connections;
            this.database = database;
            this.atExit = ShutdownCleanup.register("temporary shadow database " + database, this::drop);
        }

        /** The temporary database's name. */
        String database() {
            return database;
        }

        @Override
        public ConnectionSource connections() {
            return connections;
        }

        @Override
        public String describe() {
            return "temporary shadow database " + database + " on " + target.describeTarget();
        }

        @Override
        public String providerName() {
            return NAME;
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            atExit.cancel();
            try {
                drop();
                LOG.debug("Dropped {}", describe());
            } catch (RuntimeException e) {
                LOG.warn("Could not drop the {}: {}. Drop it yourself: DROP DATABASE {} WITH (FORCE);", describe(),
                        e.getMessage(), Identifiers.quote(database));
            }
        }

        private void drop() {
            try (Connection c = target.open()) {
                Jdbc.execute(c, SqlResources.render("shadow/drop-database.sql",
                        Map.of("database", Identifiers.quote(database))));
            } catch (SQLException e) {
                throw new ZanithException(e.getMessage(), e);
            }
        }
    }
}
