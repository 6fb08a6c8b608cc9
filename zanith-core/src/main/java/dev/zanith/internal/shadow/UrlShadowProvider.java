package dev.zanith.internal.shadow;

import dev.zanith.internal.shadow.ShadowSource;
import dev.zanith.api.exception.ZanithConfigException;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.jdbc.ConnectionSource;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.jdbc.JdbcUrls;
import dev.zanith.internal.sql.Identifiers;
import dev.zanith.internal.sql.SqlResources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --shadow <url>}: a database the user provides. It must be empty, unless the user passed
 * {@code --shadow-reset}, which drops every schema and extension in it first. Either way everything is dropped
 * again on close, so the database is left empty. Never the target database itself.
 */
final class UrlShadowProvider implements ShadowSource {

    static final String NAME = "url";

    private static final Logger LOG = LoggerFactory.getLogger(UrlShadowProvider.class);

    private final String url;
    private final boolean reset;
    private final ConnectionSource target;

    /**
     * @param url    the shadow database (JDBC or postgres:// URL, credentials inside)
     * @param reset  whether a non-empty database may be wiped
     * @param target the database being migrated, which the shadow must not be; null if none
     */
    UrlShadowProvider(String url, boolean reset, ConnectionSource target) {
        this.url = JdbcUrls.normalize(url);
        this.reset = reset;
        this.target = target;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Shadow open() {
        ConnectionSource connections = ConnectionSource.of(url, null, null);
        String where = connections.describeTarget();
        try (Connection c = openShadow(connections)) {
            refuseTarget(c, where);
            DatabaseContents contents = DatabaseContents.read(c);
            if (!contents.isEmpty()) {
                if (!reset) {
                    throw new ZanithException("The shadow database " + where + " is not empty: it holds "
                            + contents.describe() + ". Zanith never wipes a database silently. Point --shadow at an "
                            + "empty database, or pass --shadow-reset to drop everything in it (every schema and "
                            + "extension) before and after use.");
                }
                LOG.info("Resetting the shadow database {} (it held {})", where, contents.describe());
                wipe(c, where);
            }
        } catch (SQLException e) {
            throw new ZanithException("Cannot inspect the shadow database " + where + ": " + e.getMessage(), e);
        }
        return new UrlShadow(connections, where);
    }

    private static Connection openShadow(ConnectionSource connections) {
        try {
            return connections.open();
        } catch (ZanithException e) {
            throw new ZanithException("Cannot use the shadow database given with --shadow: " + e.getMessage(), e);
        }
    }

    /** A shadow must never be the database being migrated: it is wiped. */
    private void refuseTarget(Connection shadow, String where) throws SQLException {
        if (target == null) {
            return;
        }
        Optional<List<Object>> shadowIdentity = identity(shadow);
        Optional<List<Object>> targetIdentity;
        try (Connection t = target.open()) {
            targetIdentity = identity(t);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Could not compare the shadow with the target {}: {}", target.describeTarget(), e.getMessage());
            return;
        }
        if (shadowIdentity.isPresent() && shadowIdentity.equals(targetIdentity)) {
            throw new ZanithConfigException("--shadow " + where + " is the target database itself. A shadow is "
                    + "throwaway: Zanith empties it. Use --shadow embedded, --shadow database, or the URL of "
                    + "another, empty database.");
        }
    }

    private static Optional<List<Object>> identity(Connection c) throws SQLException {
        return Jdbc.queryFirst(c, SqlResources.get("shadow/identity.sql"),
                rs -> List.of(rs.getString("server_started"), rs.getLong("database_oid")));
    }

    /** Drops every extension (but plpgsql) and schema, leaving an empty public schema. */
    static void wipe(Connection c, String where) {
        try {
            for (String extension : Jdbc.query(c, SqlResources.get("shadow/user-extensions.sql"),
                    rs -> rs.getString("extension_name"))) {
                Jdbc.execute(c, SqlResources.render("shadow/drop-extension.sql",
                        Map.of("extension", Identifiers.quote(extension))));
            }
            for (String schema : Jdbc.query(c, SqlResources.get("shadow/user-schemas.sql"),
                    rs -> rs.getString("schema_name"))) {
                if (!schema.equals("public")) {
                    Jdbc.execute(c, SqlResources.render("shadow/drop-schema.sql",
                            Map.of("schema", Identifiers.quote(schema))));
                }
            }
            // public is dropped only when something is left in it: an empty one may well not be ours to drop.
            if (!DatabaseContents.read(c).isEmpty()) {
                Jdbc.execute(c, SqlResources.render("shadow/drop-schema.sql",
                        Map.of("schema", Identifiers.quote("public"))));
            }
            Jdbc.execute(c, SqlResources.get("shadow/create-public-schema.sql"));
            DatabaseContents left = DatabaseContents.read(c);
            if (!left.isEmpty()) {
                throw new ZanithException("Could not empty the shadow database " + where + ": it still holds "
                        + left.describe() + ". Empty it by hand, or use another database.");
            }
        } catch (SQLException e) {
            throw new ZanithException("Could not empty the shadow database " + where + ": " + e.getMessage()
                    + ". The user needs to own its schemas and extensions; use a database your user owns.", e);
        }
    }

    /** An open user-provided shadow; closing empties it. */
    static final class UrlShadow implements Shadow {
        private final ConnectionSource connections;
        private final String where;
        private final ShutdownCleanup atExit;
        private boolean closed;

        UrlShadow(ConnectionSource connections, String where) {
            this.connections = connections;
            this.where = where;
            this.atExit = ShutdownCleanup.register("shadow database " + where, this::empty);
        }

        @Override
        public ConnectionSource connections() {
            return connections;
        }

        @Override
        public String describe() {
            return "shadow database " + where;
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
                empty();
            } catch (RuntimeException e) {
                LOG.warn("Could not empty the {} after use: {}", describe(), e.getMessage());
            }
        }

        private void empty() {
            try (Connection c = connections.open()) {
                wipe(c, where);
            } catch (SQLException e) {
                throw new ZanithException(e.getMessage(), e);
            }
        }
    }
}
