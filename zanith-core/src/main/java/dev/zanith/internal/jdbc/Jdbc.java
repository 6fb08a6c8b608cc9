package dev.zanith.internal.jdbc;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A deliberately small JDBC helper: bound parameters only, rows mapped by the caller. */
public final class Jdbc {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Work on a connection that may throw SQLException. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private Jdbc() {
    }

    /** Runs {@code sql} with positional parameters and maps every row. */
    public static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        }
    }

    /**
     * Runs several queries in one round trip: one prepared statement whose text is the {@code queries} joined by
     * semicolons (the driver sends them together and reads the results in order), the parameters numbered through all
     * of them. Each query's rows go to the mapper at the same position. For a few small queries that are always run
     * together, where the round trips would cost more than the queries.
     *
     * @return the rows of each query, in the order of {@code queries}
     */
    public static List<List<?>> queryAll(Connection c, List<String> queries, List<? extends RowMapper<?>> mappers,
                                         Object... params) throws SQLException {
        if (queries.size() != mappers.size()) {
            throw new IllegalArgumentException(queries.size() + " queries but " + mappers.size() + " mappers");
        }
        try (PreparedStatement ps = c.prepareStatement(String.join("\n;\n", queries))) {
            bind(ps, params);
            List<List<?>> results = new ArrayList<>(queries.size());
            boolean isResultSet = ps.execute();
            for (RowMapper<?> mapper : mappers) {
                if (!isResultSet) {
                    throw new SQLException("query " + (results.size() + 1) + " of " + queries.size()
                            + " returned no result set");
                }
                List<Object> rows = new ArrayList<>();
                try (ResultSet rs = ps.getResultSet()) {
                    while (rs.next()) {
                        rows.add(mapper.map(rs));
                    }
                }
                results.add(rows);
                isResultSet = ps.getMoreResults();
            }
            return results;
        }
    }

    /**
     * Queries collected to be sent in one round trip ({@link #queryAll}), each row handed to its own mapper in the
     * order the queries were added (so a later query's mapper may use what an earlier one's built). For reads that
     * do not depend on each other's results: a refresh after each migration sends a handful of them.
     */
    public static final class Batch {
        private final List<String> queries = new ArrayList<>();
        private final List<RowMapper<?>> mappers = new ArrayList<>();
        private final List<Object> params = new ArrayList<>();

        /** Adds {@code sql}, its rows going to {@code rows}, bound to {@code parameters}. */
        public Batch add(String sql, RowMapper<?> rows, Object... parameters) {
            queries.add(sql);
            mappers.add(rows);
            params.addAll(java.util.Arrays.asList(parameters));
            return this;
        }

        /** Sends the queries added so far (nothing when none) and hands over their rows. */
        public void run(Connection c) throws SQLException {
            if (!queries.isEmpty()) {
                queryAll(c, queries, mappers, params.toArray());
            }
        }
    }

    /** The first row, if any. */
    public static <T> Optional<T> queryFirst(Connection c, String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(mapper.map(rs)) : Optional.empty();
            }
        }
    }

    /** Executes an update with positional parameters and returns the update count. */
    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    /** Executes SQL text without parameters (DDL, SET, several statements in one simple query). */
    public static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /**
     * Executes one statement of a script exactly as written: JDBC escape processing off (a {@code {fn ...}} in a
     * string stays as it is), and a {@code COPY ... FROM STDIN} fed {@code copyData} through pgjdbc's CopyManager.
     *
     * <p>Runs without the connection's socket timeout ({@link #withoutNetworkTimeout}).
     *
     * @param copyData the data lines of a COPY FROM STDIN (text or CSV, as the statement says); null for any
     *                 other statement
     */
    public static void executeStatement(Connection c, String sql, String copyData) throws SQLException {
        // a migration's (or a declared schema's) own SQL: bounded by its statement timeout, not the socket timeout
        withoutNetworkTimeout(c, conn -> {
            send(conn, sql, copyData);
            return null;
        });
    }

    private static void send(Connection c, String sql, String copyData) throws SQLException {
        if (copyData != null) {
            try {
                c.unwrap(org.postgresql.PGConnection.class).getCopyAPI()
                        .copyIn(sql, new java.io.StringReader(copyData));
            } catch (java.io.IOException e) {
                throw new SQLException("could not read the COPY data: " + e.getMessage(), "58030", e);
            }
            return;
        }
        try (Statement s = c.createStatement()) {
            s.setEscapeProcessing(false);
            s.execute(sql);
        }
    }

    /**
     * Runs {@code work} with no network timeout on {@code c}, restoring the one it had afterwards. Zanith's own
     * connections carry a socket read timeout ({@link ConnectionSource#SOCKET_TIMEOUT_SECONDS}, or
     * {@code ?socketTimeout=} in the URL) so that a server that stops answering cannot hang its catalog and audit
     * work; a migration step's statements and other work on the data (a backfill batch, a restore, a checksum of
     * parked rows) may legitimately run for hours and are bounded by their {@code statement_timeout} instead.
     */
    public static <T> T withoutNetworkTimeout(Connection c, SqlWork<T> work) throws SQLException {
        int previous = c.getNetworkTimeout();
        if (previous == 0) {
            return work.run(c);
        }
        c.setNetworkTimeout(Runnable::run, 0);
        T result;
        try {
            result = work.run(c);
        } catch (SQLException | RuntimeException | Error e) {
            try {
                if (!c.isClosed()) {
                    c.setNetworkTimeout(Runnable::run, previous);
                }
            } catch (SQLException restoreFailure) {
                e.addSuppressed(restoreFailure);
            }
            throw e;
        }
        c.setNetworkTimeout(Runnable::run, previous);
        return result;
    }

    /**
     * Runs {@code work} in a transaction that is always rolled back (for reads), then puts auto-commit back. When
     * {@code work} fails, its error is what is thrown: a rollback that fails too (the connection is gone) is only
     * added to it as suppressed, so the real cause (a timeout, the server's error) is not hidden.
     */
    public static <T> T rolledBack(Connection c, SqlWork<T> work) throws SQLException {
        c.setAutoCommit(false);
        T result;
        try {
            result = work.run(c);
        } catch (SQLException | RuntimeException | Error e) {
            try {
                c.rollback();
                c.setAutoCommit(true);
            } catch (SQLException cleanupFailure) {
                e.addSuppressed(cleanupFailure);
            }
            throw e;
        }
        c.rollback();
        c.setAutoCommit(true);
        return result;
    }

    /** Runs {@code work} in one transaction, committing on success and rolling back on any failure. */
    public static <T> T inTransaction(Connection c, SqlWork<T> work) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        T result;
        try {
            result = work.run(c);
            c.commit();
        } catch (SQLException | RuntimeException | Error e) {
            // On a lost connection, rollback and restoring auto-commit fail too: the first error is the cause.
            try {
                c.rollback();
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            try {
                c.setAutoCommit(autoCommit);
            } catch (SQLException restoreFailure) {
                e.addSuppressed(restoreFailure);
            }
            throw e;
        }
        c.setAutoCommit(autoCommit);
        return result;
    }

    /** A {@code text[]} parameter. */
    public static Array textArray(Connection c, List<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray(new String[0]));
    }

    /** A {@code bigint[]} parameter (for oids: compare with {@code = ANY(?::oid[])}). */
    public static Array longArray(Connection c, List<Long> values) throws SQLException {
        return c.createArrayOf("int8", values.toArray(new Long[0]));
    }

    /** The elements of a {@code text[]} column as a list (empty for SQL NULL). */
    public static List<String> strings(ResultSet rs, String column) throws SQLException {
        return elements(rs, column, value -> (String) value);
    }

    /** The elements of a {@code bigint[]} column as a list (empty for SQL NULL). */
    public static List<Long> longs(ResultSet rs, String column) throws SQLException {
        return elements(rs, column, value -> ((Number) value).longValue());
    }

    private static <T> List<T> elements(ResultSet rs, String column, java.util.function.Function<Object, T> element)
            throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        try {
            Object[] values = (Object[]) array.getArray();
            List<T> result = new ArrayList<>(values.length);
            for (Object value : values) {
                result.add(element.apply(value));
            }
            return result;
        } finally {
            array.free();
        }
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }
}
