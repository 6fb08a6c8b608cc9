package dev.zanith.benchmarks;

import dev.zanith.internal.sql.Identifiers;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A fresh database {@code zanith_bench_<timestamp>} on the benchmarked server, dropped on close (and on
 * Ctrl-C) unless kept, so a run leaves nothing behind.
 */
final class BenchDatabase implements AutoCloseable {

    private static final java.util.concurrent.atomic.AtomicInteger SEQUENCE = new java.util.concurrent.atomic.AtomicInteger();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss_SSS");

    private final ServerAddress server;
    private final String name;
    private final boolean keep;
    private final boolean hooked;
    private final Thread dropOnExit;
    private boolean dropped;

    private BenchDatabase(ServerAddress server, String name, boolean keep, boolean hooked) {
        this.server = server;
        this.name = name;
        this.keep = keep;
        this.hooked = hooked;
        this.dropOnExit = new Thread(this::dropQuietly, "zanith-bench-drop-database");
    }

    /**
     * @param serverOutlivesRun false for an embedded server, whose databases vanish with it anyway (so no
     *                          Ctrl-C hook that would race the server's own shutdown)
     */
    static BenchDatabase create(ServerAddress server, boolean keep, boolean serverOutlivesRun) throws SQLException {
        return create(server, keep, serverOutlivesRun, "template0");
    }

    /**
     * A fresh database copied from {@code template} (a file-level copy: a generated schema or a filled table
     * comes back in a second or two instead of being built again). Nobody may be connected to the template.
     */
    static BenchDatabase create(ServerAddress server, boolean keep, boolean serverOutlivesRun, String template)
            throws SQLException {
        String name = "zanith_bench_" + LocalDateTime.now().format(STAMP) + "_" + SEQUENCE.incrementAndGet();
        try (Connection c = DriverManager.getConnection(server.adminUrl()); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + Identifiers.quote(name) + " TEMPLATE " + Identifiers.quote(template));
        }
        BenchDatabase database = new BenchDatabase(server, name, keep, !keep && serverOutlivesRun);
        if (database.hooked) {
            Runtime.getRuntime().addShutdownHook(database.dropOnExit);
        }
        return database;
    }

    String name() {
        return name;
    }

    boolean kept() {
        return keep;
    }

    String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl());
    }

    @Override
    public void close() throws SQLException {
        if (keep) {
            return;
        }
        if (hooked) {
            try {
                Runtime.getRuntime().removeShutdownHook(dropOnExit);
            } catch (IllegalStateException alreadyExiting) {
                // The hook is running or about to; drop() below is idempotent.
            }
        }
        drop();
    }

    private synchronized void drop() throws SQLException {
        if (dropped) {
            return;
        }
        try (Connection c = DriverManager.getConnection(server.adminUrl()); Statement s = c.createStatement()) {
            // FORCE (PostgreSQL 13+) ends sessions a failed run may have left open.
            s.execute("DROP DATABASE IF EXISTS " + Identifiers.quote(name) + " WITH (FORCE)");
        }
        dropped = true;
    }

    private void dropQuietly() {
        try {
            drop();
        } catch (SQLException e) {
            System.err.println("zanith-bench: could not drop database " + name + ": " + e.getMessage());
        }
    }
}
