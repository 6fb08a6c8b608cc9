package dev.zanith.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one PostgreSQL server a test JVM talks to: an embedded PostgreSQL 18 started on first use, or
 * the external server named by {@code ZANITH_TEST_JDBC_URL} (an admin JDBC URL, e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}).
 *
 * <p>Tests never share a database: {@link #createDatabase(String)} hands out a fresh one.
 */
public final class PostgresServer implements AutoCloseable {

    /** Environment variable (or system property) that switches every test to an external server. */
    public static final String EXTERNAL_URL_VARIABLE = "ZANITH_TEST_JDBC_URL";

    private static final AtomicInteger DATABASE_COUNTER = new AtomicInteger();
    private static volatile PostgresServer shared;

    private final EmbeddedPostgres embedded;
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String adminDatabase;
    private final String extraParameters;
    private final int majorVersion;

    private PostgresServer(EmbeddedPostgres embedded, String host, int port, String user, String password,
                           String adminDatabase, String extraParameters) {
        this.embedded = embedded;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.adminDatabase = adminDatabase;
        this.extraParameters = extraParameters;
        try (Connection c = connect(adminDatabase); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('server_version_num')::int / 10000")) {
            rs.next();
            this.majorVersion = rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the test PostgreSQL server at " + adminUrl() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The server shared by every test in this JVM, started (or connected to) on first use. */
    public static PostgresServer shared() {
        PostgresServer server = shared;
        if (server == null) {
            synchronized (PostgresServer.class) {
                server = shared;
                if (server == null) {
                    server = start();
                    shared = server;
                    PostgresServer toClose = server;
                    Runtime.getRuntime().addShutdownHook(new Thread(toClose::close, "zanith-test-postgres-stop"));
                }
            }
        }
        return server;
    }

    private static PostgresServer start() {
        String external = System.getProperty(EXTERNAL_URL_VARIABLE, System.getenv(EXTERNAL_URL_VARIABLE));
        if (external != null && !external.isBlank()) {
            return external(external.trim());
        }
        return embedded();
    }

    private static PostgresServer embedded() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    // Durability is worthless for throwaway test data; speed is not.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "128MB")
                    .setServerConfig("max_locks_per_transaction", "256")
                    .setPGStartupWait(java.time.Duration.ofSeconds(60))
                    .start();
            return new PostgresServer(pg, "localhost", pg.getPort(), "postgres", "postgres", "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL server: " + e.getMessage(), e);
        }
    }

    static PostgresServer external(String url) {
        JdbcUrl parsed = JdbcUrl.parse(url);
        return new PostgresServer(null, parsed.host(), parsed.port(), parsed.user(), parsed.password(),
                parsed.database(), parsed.extraParameters());
    }

    /** Whether this is the embedded server (as opposed to an external one). */
    public boolean isEmbedded() {
        return embedded != null;
    }

    /** The server's major version, e.g. 18. */
    public int majorVersion() {
        return majorVersion;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** A JDBC URL for the administrative database (e.g. {@code postgres}), with credentials. */
    public String adminUrl() {
        return jdbcUrl(adminDatabase);
    }

    /** A JDBC URL for the given database on this server, with credentials. */
    public String jdbcUrl(String database) {
        StringBuilder url = new StringBuilder("jdbc:postgresql://").append(host).append(':').append(port)
                .append('/').append(database).append("?user=").append(JdbcUrl.encode(user));
        if (password != null && !password.isEmpty()) {
            url.append("&password=").append(JdbcUrl.encode(password));
        }
        if (!extraParameters.isEmpty()) {
            url.append('&').append(extraParameters);
        }
        return url.toString();
    }

    /** The database the server's administrative statements run in (create and drop databases, roles). */
    public String adminDatabase() {
        return adminDatabase;
    }

    /** Opens a connection to the given database on this server. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), new Properties());
    }

    /** Creates a fresh, empty database; closing the returned handle drops it. */
    public TestDatabase createDatabase(String hint) {
        String name = "zt_" + ProcessHandle.current().pid() + "_" + DATABASE_COUNTER.incrementAndGet()
                + "_" + sanitize(hint);
        try (Connection c = connect(adminDatabase); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE \"" + name + "\" TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name + ": " + e.getMessage(), e);
        }
        return new TestDatabase(this, name);
    }

    void dropDatabase(String name) {
        try (Connection c = connect(adminDatabase); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS \"" + name + "\"" + (majorVersion >= 13 ? " WITH (FORCE)" : ""));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop test database " + name + ": " + e.getMessage(), e);
        }
    }

    private static String sanitize(String hint) {
        String cleaned = hint == null ? "" : hint.toLowerCase().replaceAll("[^a-z0-9]+", "_");
        // Database names are limited to 63 bytes; keep room for the prefix.
        return cleaned.length() > 40 ? cleaned.substring(0, 40) : cleaned;
    }

    @Override
    public synchronized void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException ignored) {
                // The JVM is going away; a server that does not stop cleanly is reaped with its temp dir.
            }
        }
    }
}
