package dev.zanith.testsupport;

import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A fresh database of its own for one test (or one test class); dropped when closed. */
public final class TestDatabase implements AutoCloseable {

    private final PostgresServer server;
    private final String name;
    private boolean closed;

    TestDatabase(PostgresServer server, String name) {
        this.server = server;
        this.name = name;
    }

    public PostgresServer server() {
        return server;
    }

    /** The database name. */
    public String name() {
        return name;
    }

    /** A JDBC URL for this database including user and password. */
    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    public String user() {
        return server.user();
    }

    public String password() {
        return server.password();
    }

    /** Opens a new connection (caller closes it). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl());
    }

    /** A simple (unpooled) DataSource for this database. */
    public DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(jdbcUrl());
        return ds;
    }

    /** Runs SQL (one or more statements separated by semicolons, sent as one simple query). */
    public void execute(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed in test database " + name + ": " + e.getMessage()
                    + "\n" + sql, e);
        }
    }

    /** The first column of the first row of a query, as a long (a count, say). */
    public long queryForLong(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("No row from " + sql);
            }
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed in test database " + name + ": " + e.getMessage()
                    + "\n" + sql, e);
        }
    }

    /**
     * Every row of a query, each as its columns' text values joined and ended by {@code |} (a null prints as
     * {@code null}): {@code "1|alice|"}. For comparing whole tables before and after.
     */
    public java.util.List<String> queryForRows(String sql) {
        java.util.List<String> rows = new java.util.ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.append(rs.getString(i)).append('|');
                }
                rows.add(row.toString());
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed in test database " + name + ": " + e.getMessage()
                    + "\n" + sql, e);
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.dropDatabase(name);
        }
    }

    @Override
    public String toString() {
        return "TestDatabase[" + name + " on " + server.host() + ":" + server.port() + "]";
    }
}
