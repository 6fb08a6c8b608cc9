package dev.zanith.internal.jdbc;

import dev.zanith.api.exception.ZanithConfigException;
import dev.zanith.api.exception.ZanithException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Where Zanith's connections come from: an application's DataSource or a JDBC URL. Connection failures
 * become one clear message naming the server (never the password) and what to check.
 */
public final class ConnectionSource {

    private final DataSource dataSource;
    private final String url;
    private final String user;
    private final String password;

    /**
     * Seconds allowed for the TCP connect and, separately, for the login of a URL-based connection (pgjdbc's
     * {@code connectTimeout} and {@code loginTimeout}; {@code ?connectTimeout=N&loginTimeout=N} in the URL wins).
     */
    public static final long CONNECT_TIMEOUT_SECONDS = 10;

    /**
     * Seconds a URL-based connection waits for the server to answer before giving up (pgjdbc's {@code socketTimeout};
     * {@code ?socketTimeout=N} in the URL wins, 0 meaning none): a server that stops answering cannot hang Zanith's
     * own catalog, lock and audit work. A migration step's statements run without it
     * ({@link Jdbc#withoutNetworkTimeout}), bounded by their {@code statement_timeout}.
     */
    public static final long SOCKET_TIMEOUT_SECONDS = 120;

    private ConnectionSource(DataSource dataSource, String url, String user, String password) {
        this.dataSource = dataSource;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public static ConnectionSource of(DataSource dataSource) {
        return new ConnectionSource(dataSource, null, null, null);
    }

    /**
     * Connections from a JDBC URL; a {@code user} given here wins over one in the URL (see
     * {@link JdbcUrls#withoutUser(String)}).
     */
    public static ConnectionSource of(String jdbcUrl, String user, String password) {
        return new ConnectionSource(null, user != null && jdbcUrl != null ? JdbcUrls.withoutUser(jdbcUrl) : jdbcUrl,
                user, password);
    }

    /** A new connection in auto-commit mode; the caller closes it. */
    public Connection open() {
        try {
            if (dataSource != null) {
                return dataSource.getConnection();
            }
            Properties props = new Properties();
            if (user != null) {
                props.setProperty("user", user);
            }
            if (password != null) {
                props.setProperty("password", password);
            }
            props.setProperty("ApplicationName", "zanith");
            // A server that accepts the TCP connection but never answers must not hang a command: the TCP connect
            // and the whole login (startup, authentication) are bounded. A parameter in the URL wins over these.
            props.setProperty("connectTimeout", Long.toString(CONNECT_TIMEOUT_SECONDS));
            props.setProperty("loginTimeout", Long.toString(CONNECT_TIMEOUT_SECONDS));
            props.setProperty("socketTimeout", Long.toString(SOCKET_TIMEOUT_SECONDS));
            // pgjdbc 42.7.13+ forgets every server-prepared statement of the connection when a CREATE, ALTER or DROP
            // completes on it (flushCacheOnDdl), so that an application's "SELECT *" cannot meet a changed row type.
            // This connection runs only Zanith's statements, whose result columns do not depend on the user's tables
            // (catalog and audit rows, counts, JSON text), and the migration's own SQL as one-shot statements; the
            // server re-plans a prepared statement by itself when a relation it reads changes. Flushing would make
            // the refresh after every migration parse and plan its ~35 catalog queries again.
            // Older drivers ignore the property; a URL parameter wins.
            props.setProperty("flushCacheOnDdl", "false");
            return DriverManager.getConnection(url, props);
        } catch (SQLException e) {
            throw new ZanithException(describe(e), e);
        }
    }

    /** Whether connections come from a JDBC URL (rather than an application's DataSource). */
    public boolean hasUrl() {
        return url != null;
    }

    /**
     * Another database on the same server, with the same user, password and URL parameters. Only for sources
     * built from a URL: an application's DataSource cannot be re-pointed.
     *
     * @throws ZanithConfigException for a DataSource-based source
     */
    /** The same server and database with one more URL parameter (URL-based sources only). */
    public ConnectionSource withParameter(String name, String value) {
        if (url == null) {
            throw new IllegalStateException("only a URL-based connection source takes URL parameters");
        }
        return new ConnectionSource(null, JdbcUrls.withParameter(url, name, value), user, password);
    }

    public ConnectionSource withDatabase(String database) {
        if (url == null) {
            throw new ZanithConfigException("Cannot derive a connection to database " + database
                    + " from the application's DataSource; configure Zanith with a JDBC URL instead.");
        }
        return new ConnectionSource(null, JdbcUrls.withDatabase(url, database), user, password);
    }

    /**
     * The message of a failure on one of Zanith's connections: the server's own message, or, when the server
     * stopped answering (the socket timeout ran out), what happened and how to change the limit instead of the
     * driver's "An I/O error occurred while sending to the backend".
     */
    public static String message(Exception e) {
        if (hasSocketTimeout(e)) {
            return "the server stopped answering (no reply within the socket timeout, " + SOCKET_TIMEOUT_SECONDS
                    + " s unless ?socketTimeout=SECONDS in the URL says otherwise). Check that the server is up and not "
                    + "overloaded, and that nothing between here and it dropped the connection; then run the command "
                    + "again.";
        }
        return e.getMessage();
    }

    private static boolean hasSocketTimeout(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The target for messages: the URL without credentials, or "the application's DataSource". */
    public String describeTarget() {
        return url == null ? "the application's DataSource" : JdbcUrls.redact(url);
    }

    private String describe(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String target = describeTarget();
        if (state.startsWith("28")) {
            return "Authentication failed for " + (user != null ? "user '" + user + "' at " : "") + target + ": "
                    + e.getMessage() + ". Check the user and password (--user/--password, or in the URL).";
        }
        if (state.equals("3D000")) {
            return "Database does not exist at " + target + ": " + e.getMessage()
                    + ". Create it, or fix the database name in the URL.";
        }
        if (hasSocketTimeout(e)) {
            return "Cannot connect to " + target + ": " + message(e);
        }
        if (e.getMessage() != null && e.getMessage().contains("timed out")) {
            return "Cannot connect to " + target + ": the server did not answer within the connect timeout ("
                    + e.getMessage() + "). Check that the host and port are a PostgreSQL server that is up and "
                    + "reachable; raise the limit with ?loginTimeout=SECONDS in the URL if it is just slow.";
        }
        if (state.startsWith("08")) {
            String advice = e.getMessage() != null && e.getMessage().contains("Check that")
                    ? "" : " Check that the server is running and the URL's host and port are right.";
            return "Cannot connect to " + target + ": " + e.getMessage() + advice;
        }
        return "Cannot open a connection to " + target + ": " + e.getMessage();
    }
}
