package dev.zanith.verify;

import dev.zanith.internal.jdbc.ConnectionSource;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.sql.Identifiers;
import dev.zanith.internal.sql.SqlResources;
import dev.zanith.ops.Statements;
import dev.zanith.risk.LockMode;
import dev.zanith.shadow.SchemaMapping;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a step on a shadow and records what it really did: the locks its backend took on each table (read
 * from pg_locks before a transactional step commits; for a non-transactional step, seen by a watcher while
 * a blocking transaction holding ROW EXCLUSIVE makes it wait visibly) and which tables and indexes were
 * rewritten (relfilenode before and after).
 */
final class StepObserver {

    /** How long a non-transactional statement may run before the watcher gives up seeing it wait. */
    private static final long WATCH_MILLIS = 3000;

    private final ConnectionSource shadow;
    private final SchemaMapping mapping;
    private final List<String> schemas;

    /** @param schemas the schemas to watch, as named in the shadow */
    StepObserver(ConnectionSource shadow, SchemaMapping mapping, List<String> schemas) {
        this.shadow = shadow;
        this.mapping = mapping;
        this.schemas = schemas;
    }

    /** Facts about one step; an error is recorded, not thrown. */
    record Facts(Map<String, LockMode> tableLocks, boolean lockObserved, Set<String> rewrittenTables,
                 Set<String> rebuiltIndexes, long durationMs, String error, String sqlState) {
    }

    Facts run(Connection c, Statements statements) throws SQLException {
        Map<Long, Relation> before = relations(c);
        long start = System.nanoTime();
        Map<String, LockMode> locks = new HashMap<>();
        boolean observed = true;
        String error = null;
        String sqlState = null;
        if (statements.transactional()) {
            c.setAutoCommit(false);
            try {
                for (int i = 0; i < statements.sql().size(); i++) {
                    Jdbc.executeStatement(c, statements.sql().get(i), statements.copyData(i));
                }
                collectLocks(c, pid(c), locks, before);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                error = e.getMessage();
                sqlState = e.getSQLState();
            } finally {
                c.setAutoCommit(true);
            }
        } else {
            for (int i = 0; i < statements.sql().size(); i++) {
                Watched watched = watch(c, statements.sql().get(i), statements.copyData(i), before, locks);
                observed &= watched.seen();
                if (watched.error() != null) {
                    error = watched.error().getMessage();
                    sqlState = watched.error().getSQLState();
                    break;
                }
            }
        }
        long duration = (System.nanoTime() - start) / 1_000_000;
        Set<String> rewritten = new HashSet<>();
        Set<String> rebuilt = new HashSet<>();
        if (error == null) {
            Map<Long, Relation> after = relations(c);
            for (Map.Entry<Long, Relation> entry : before.entrySet()) {
                Relation then = entry.getValue();
                Relation now = after.get(entry.getKey());
                if (now != null && now.fileNode() != then.fileNode()) {
                    (then.kind().equals("i") ? rebuilt : rewritten).add(then.name());
                }
            }
        }
        return new Facts(locks, observed, rewritten, rebuilt, duration, error, sqlState);
    }

    /** A table or index; {@code lockedTable} is the table itself, or the index's table, schema-qualified. */
    private record Relation(String name, String kind, long fileNode, String lockedTable) {
    }

    private record Watched(boolean seen, SQLException error) {
    }

    /**
     * Runs one statement outside a transaction while a blocking transaction holds ROW EXCLUSIVE on every table,
     * so that anything stronger than that — or a CONCURRENTLY build waiting for writers — waits where the
     * watcher can see its locks; then the blocker lets go.
     */
    private Watched watch(Connection c, String sql, String copyData, Map<Long, Relation> before, Map<String, LockMode> locks) throws SQLException {
        int pid = pid(c);
        try (Connection blocker = shadow.open(); Connection watcher = shadow.open()) {
            blocker.setAutoCommit(false);
            List<String> tables = Jdbc.query(blocker, SqlResources.get("verify/tables.sql"),
                    rs -> Identifiers.qualify(rs.getString(1), rs.getString(2)), schemaArray(blocker));
            if (!tables.isEmpty()) {
                Jdbc.execute(blocker, "LOCK TABLE " + String.join(", ", tables) + " IN ROW EXCLUSIVE MODE");
            }
            CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
                try {
                    Jdbc.executeStatement(c, sql, copyData);
                } catch (SQLException e) {
                    throw new StatementFailure(e);
                }
            });
            boolean seen = false;
            long deadline = System.currentTimeMillis() + WATCH_MILLIS;
            int waitingPolls = 0;
            while (!running.isDone() && System.currentTimeMillis() < deadline) {
                int heldBefore = locks.size();
                collectLocks(watcher, pid, locks, before);
                seen |= locks.size() > heldBefore || !locks.isEmpty();
                boolean waiting = Jdbc.queryFirst(watcher, SqlResources.get("verify/backend-waiting.sql"),
                        rs -> rs.getBoolean("waiting"), pid).orElse(false);
                if (waiting && ++waitingPolls >= 3) {
                    break; // it is parked behind the blocker: its locks (granted or requested) are all visible now
                }
                sleep();
            }
            blocker.rollback();
            try {
                running.get(10, TimeUnit.MINUTES);
                return new Watched(seen, null);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof StatementFailure failure) {
                    return new Watched(seen, failure.cause);
                }
                throw new SQLException("observing a step failed: " + e.getCause(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while observing a step", e);
            } catch (TimeoutException e) {
                throw new SQLException("a step on the shadow did not finish within 10 minutes", e);
            }
        }
    }

    private static final class StatementFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient SQLException cause;

        StatementFailure(SQLException cause) {
            super(cause);
            this.cause = cause;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Adds the backend's relation locks on relations that existed before the step (a new index's own lock says
     * nothing about its table), attributing index locks to their table.
     */
    private void collectLocks(Connection c, int pid, Map<String, LockMode> locks, Map<Long, Relation> before) throws SQLException {
        // Named as before the step: a table it renames or moves (soft drop, archive) is still the table it locked.
        Jdbc.query(c, SqlResources.get("verify/backend-locks.sql"), rs -> {
            Relation relation = before.get(rs.getLong("oid"));
            if (relation != null) {
                LockMode.fromPgLocks(rs.getString("mode"))
                        .ifPresent(mode -> locks.merge(relation.lockedTable(), mode, LockMode::strongest));
            }
            return null;
        }, pid);
    }

    private Map<Long, Relation> relations(Connection c) throws SQLException {
        Map<Long, Relation> relations = new HashMap<>();
        Jdbc.query(c, SqlResources.get("verify/relations.sql"), rs -> {
            String schema = mapping.schemaFromShadow(rs.getString("schema_name"));
            String kind = rs.getString("kind");
            return relations.put(rs.getLong("oid"), new Relation(schema + "." + rs.getString("relation_name"), kind,
                    rs.getLong("file_node"), schema + "." + (kind.equals("i") ? rs.getString("table_name")
                    : rs.getString("relation_name"))));
        }, schemaArray(c));
        return relations;
    }

    private static int pid(Connection c) throws SQLException {
        return Jdbc.queryFirst(c, "SELECT pg_backend_pid()", rs -> rs.getInt(1)).orElseThrow();
    }

    private Array schemaArray(Connection c) throws SQLException {
        return Jdbc.textArray(c, schemas);
    }
}
