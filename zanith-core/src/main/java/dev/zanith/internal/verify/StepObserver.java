package dev.zanith.internal.verify;

import dev.zanith.api.RenameHint;
import dev.zanith.internal.jdbc.ConnectionSource;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.sql.Identifiers;
import dev.zanith.internal.sql.SqlResources;
import dev.zanith.api.ops.Statements;
import dev.zanith.api.risk.LockMode;
import dev.zanith.api.risk.TableLock;
import dev.zanith.internal.shadow.SchemaMapping;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
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

    /**
     * Facts about one step (or one statement of a transactional raw file); an error is recorded, not thrown.
     *
     * @param tableLocks    strongest lock held (or awaited) per table, {@code schema.table}; inside a transaction,
     *                      every lock taken since it began (they are held until commit)
     * @param scannedTables tables whose rows were read (a sequential or index scan started), or null when the
     *                      server cannot say (a statement outside a transaction before PostgreSQL 15)
     */
    record Facts(Map<String, LockMode> tableLocks, boolean lockObserved, Changes changes, Set<String> scannedTables,
                 long durationMs, String error, String sqlState) {

        Set<String> rewrittenTables() {
            return changes.rewritten();
        }

        /** The same facts with the error put as {@code error} (e.g. located in its file). */
        Facts withError(String located) {
            return new Facts(tableLocks, lockObserved, changes, scannedTables, durationMs, located, sqlState);
        }

        Set<String> rebuiltIndexes() {
            return changes.rebuilt();
        }

        /** How long the lock on {@code table} was held in this statement: through its rewrite, an index build, a scan. */
        String held(String table) {
            return changes.rewritten().contains(table) ? TableLock.REWRITE
                    : changes.indexedTables().contains(table) ? TableLock.BUILD
                    : scannedTables != null && scannedTables.contains(table) ? TableLock.SCAN : TableLock.BRIEF;
        }
    }

    /**
     * What a step changed in storage and names.
     *
     * @param rewritten     tables whose storage was rewritten ({@code schema.table})
     * @param rebuilt       existing indexes whose storage was rebuilt ({@code schema.index})
     * @param indexedTables tables that had an index built or rebuilt
     * @param keptIndexes   existing index → its name now, for indexes that are still the same object (a constraint
     *                      that adopted one with USING INDEX renames it, but keeps it)
     * @param renames       columns and tables renamed (same object, new name), as rename hints for the differ
     */
    record Changes(Set<String> rewritten, Set<String> rebuilt, Set<String> indexedTables, Map<String, String> keptIndexes,
                   List<RenameHint> renames) {
        static final Changes NONE = new Changes(Set.of(), Set.of(), Set.of(), Map.of(), List.of());

        Changes {
            rewritten = Set.copyOf(rewritten);
            rebuilt = Set.copyOf(rebuilt);
            indexedTables = Set.copyOf(indexedTables);
            keptIndexes = Map.copyOf(keptIndexes);
            renames = List.copyOf(renames);
        }
    }

    /** The message of a step that leaves its session inside a transaction block. */
    static final String OPEN_TRANSACTION = "the step leaves a transaction open (it runs BEGIN or COMMIT itself, or "
            + "ends inside a transaction block): its locks would be held after the step, blocking everything after it. "
            + "The transaction was rolled back. Remove BEGIN/COMMIT from the file: Zanith runs a transactional file in "
            + "one transaction, and a file with CONCURRENTLY outside one, statement by statement.";

    Facts run(Connection c, Statements statements) throws SQLException {
        if (statements.transactional()) {
            Transaction transaction = begin(c);
            for (int i = 0; i < statements.sql().size(); i++) {
                Facts facts = transaction.execute(statements.sql().get(i), statements.copyData(i));
                if (facts.error() != null) {
                    transaction.rollback();
                    return facts;
                }
            }
            return transaction.commit();
        }
        Snapshot start0 = snapshot(c);
        Map<Long, Relation> before = start0.relations();
        Map<Long, Long> scansBefore = flushedScans(c);
        long start = System.nanoTime();
        Map<String, LockMode> locks = new HashMap<>();
        boolean observed = true;
        String error = null;
        String sqlState = null;
        for (int i = 0; i < statements.sql().size(); i++) {
            Watched watched = watch(c, statements.sql().get(i), statements.copyData(i), before, locks);
            observed &= watched.seen();
            if (watched.error() != null) {
                error = watched.error().getMessage();
                sqlState = watched.error().getSQLState();
                break;
            }
            if (leftOpen(c)) {
                error = OPEN_TRANSACTION;
                sqlState = "25001";
                break;
            }
        }
        long duration = (System.nanoTime() - start) / 1_000_000;
        if (error != null) {
            return new Facts(locks, observed, Changes.NONE, Set.of(), duration, error, sqlState);
        }
        Changes changes = changes(start0, snapshot(c));
        Map<Long, Long> scansAfter = flushedScans(c);
        Set<String> scanned = scansBefore == null || scansAfter == null ? null : scanned(before, scansBefore, scansAfter);
        return new Facts(locks, observed, changes, scanned, duration, null, null);
    }

    /** Starts observing a transactional step (or raw file) statement by statement in one transaction on {@code c}. */
    Transaction begin(Connection c) throws SQLException {
        return new Transaction(c);
    }

    /**
     * One transaction on the shadow, observed statement by statement, as apply runs a transactional file: locks
     * accumulate (each statement's facts carry every lock taken so far, since none is released before commit),
     * while rewrites, rebuilds and scans are those of the statement itself.
     */
    final class Transaction {
        private final Connection c;
        private final int pid;
        private final Map<String, LockMode> locks = new HashMap<>();
        private final Snapshot first;
        private final Set<String> rewritten = new HashSet<>();
        private final Set<String> rebuilt = new HashSet<>();
        private final Set<String> indexed = new HashSet<>();
        private final Set<String> scanned = new HashSet<>();
        private long duration;

        private Transaction(Connection c) throws SQLException {
            this.c = c;
            this.pid = pid(c);
            c.setAutoCommit(false);
            this.first = snapshot(c);
        }

        /**
         * Runs one statement ({@code copyData}: a COPY FROM STDIN's data, else null); on error the transaction is
         * left for the caller to roll back.
         */
        Facts execute(String sql, String copyData) throws SQLException {
            Snapshot before = snapshot(c);
            Map<Long, Long> scansBefore = scans(c, "verify/table-scans-xact.sql");
            long start = System.nanoTime();
            try {
                Jdbc.executeStatement(c, sql, copyData);
            } catch (SQLException e) {
                duration += (System.nanoTime() - start) / 1_000_000;
                return new Facts(Map.copyOf(locks), true, Changes.NONE, Set.of(), duration, e.getMessage(), e.getSQLState());
            }
            duration += (System.nanoTime() - start) / 1_000_000;
            if (!inTransaction(c)) {
                return new Facts(Map.copyOf(locks), true, Changes.NONE, Set.of(), duration, OPEN_TRANSACTION, "25001");
            }
            // Named as when the transaction began: a table a statement renames or moves is still the table it locked.
            collectLocks(c, pid, locks, first.relations());
            Changes changes = changes(before, snapshot(c));
            rewritten.addAll(changes.rewritten());
            rebuilt.addAll(changes.rebuilt());
            indexed.addAll(changes.indexedTables());
            Set<String> read = scanned(before.relations(), scansBefore, scans(c, "verify/table-scans-xact.sql"));
            scanned.addAll(read);
            return new Facts(Map.copyOf(locks), true, changes, read, duration, null, null);
        }

        /** Commits; the step's facts are every lock, rewrite, rebuild and scan of its statements. */
        Facts commit() throws SQLException {
            try {
                c.commit();
            } finally {
                c.setAutoCommit(true);
            }
            return new Facts(locks, true, new Changes(rewritten, rebuilt, indexed, Map.of(), List.of()), scanned, duration,
                    null, null);
        }

        void rollback() throws SQLException {
            try {
                c.rollback();
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** Whether the server still has the JDBC transaction open (a statement inside it may have run COMMIT). */
    private static boolean inTransaction(Connection c) throws SQLException {
        return c.unwrap(BaseConnection.class).getTransactionState() != TransactionState.IDLE;
    }

    /** Whether a statement run outside a transaction left the session inside one (it ran BEGIN). */
    private static boolean leftOpen(Connection c) throws SQLException {
        if (c.unwrap(BaseConnection.class).getTransactionState() == TransactionState.IDLE) {
            return false;
        }
        Jdbc.execute(c, "ROLLBACK"); // JDBC believes it is in autocommit mode: only the server knows of the block
        return true;
    }

    /** The tables and indexes of the watched schemas, and the columns of the tables by number. */
    private record Snapshot(Map<Long, Relation> relations, Map<Long, Map<Integer, String>> columns) {
    }

    private Snapshot snapshot(Connection c) throws SQLException {
        Map<Long, Map<Integer, String>> columns = new HashMap<>();
        Jdbc.query(c, SqlResources.get("verify/columns.sql"), rs -> columns.computeIfAbsent(rs.getLong("oid"),
                k -> new HashMap<>()).put(rs.getInt("position"), rs.getString("column_name")), schemaArray(c));
        return new Snapshot(relations(c), columns);
    }

    /**
     * What changed between two snapshots. A table keeps its oid; an index that an ALTER re-creates gets a new oid
     * (keeping its storage when PostgreSQL can reuse it), so an index whose oid is gone is matched by name. A
     * relation or column that keeps its oid (or number) under a new name was renamed.
     */
    private static Changes changes(Snapshot before, Snapshot after) {
        Map<String, Relation> afterIndexes = new HashMap<>();
        after.relations().values().stream().filter(r -> r.kind().equals("i")).forEach(r -> afterIndexes.put(r.name(), r));
        Set<String> rewritten = new HashSet<>();
        Set<String> rebuilt = new HashSet<>();
        Set<String> indexed = new HashSet<>();
        Map<String, String> kept = new HashMap<>();
        List<RenameHint> renames = new ArrayList<>();
        for (Map.Entry<Long, Relation> entry : before.relations().entrySet()) {
            Relation then = entry.getValue();
            Relation now = after.relations().get(entry.getKey());
            if (now != null && then.kind().equals("i")) {
                kept.put(then.name(), now.name());
            } else if (now != null && !now.name().equals(then.name()) && now.schema().equals(then.schema())) {
                renames.add(new RenameHint(List.of(then.schema(), then.relation()), List.of(now.schema(), now.relation()),
                        then.name() + "=" + now.name()));
            }
            if (now == null && then.kind().equals("i")) {
                now = afterIndexes.get(then.name());
            }
            if (now != null && now.fileNode() != then.fileNode()) {
                (then.kind().equals("i") ? rebuilt : rewritten).add(then.name());
                if (then.kind().equals("i")) {
                    indexed.add(then.lockedTable());
                }
            }
        }
        Set<String> names = new HashSet<>();
        before.relations().values().forEach(r -> names.add(r.name()));
        after.relations().forEach((oid, r) -> {
            if (r.kind().equals("i") && !before.relations().containsKey(oid) && !names.contains(r.name())) {
                indexed.add(r.lockedTable());
            }
        });
        before.columns().forEach((oid, columns) -> {
            Map<Integer, String> now = after.columns().get(oid);
            Relation table = after.relations().get(oid);
            if (now == null || table == null) {
                return;
            }
            columns.forEach((number, name) -> {
                String renamed = now.get(number);
                if (renamed != null && !renamed.equals(name)) {
                    renames.add(new RenameHint(List.of(table.schema(), table.relation(), name),
                            List.of(table.schema(), table.relation(), renamed), table.name() + "." + name + "=" + renamed));
                }
            });
        });
        return new Changes(rewritten, rebuilt, indexed, kept, renames);
    }

    private static Set<String> scanned(Map<Long, Relation> before, Map<Long, Long> then, Map<Long, Long> now) {
        Set<String> out = new HashSet<>();
        now.forEach((oid, scans) -> {
            Relation relation = before.get(oid);
            if (relation != null && scans > then.getOrDefault(oid, 0L)) {
                out.add(relation.name());
            }
        });
        return out;
    }

    private Map<Long, Long> scans(Connection c, String resource) throws SQLException {
        Map<Long, Long> out = new HashMap<>();
        Jdbc.query(c, SqlResources.get(resource), rs -> out.put(rs.getLong("oid"), rs.getLong("scans")), schemaArray(c));
        return out;
    }

    /**
     * Scan counts from the flushed statistics, after making this backend flush what it has pending
     * ({@code pg_stat_force_next_flush()} takes effect when the session goes idle, before the call returns to the
     * client); null before PostgreSQL 15, where flushing is asynchronous and the counts cannot be trusted.
     */
    private Map<Long, Long> flushedScans(Connection c) throws SQLException {
        if (c.getMetaData().getDatabaseMajorVersion() < 15) {
            return null;
        }
        Jdbc.query(c, "SELECT pg_catalog.pg_stat_force_next_flush()", rs -> null);
        Jdbc.query(c, "SELECT pg_catalog.pg_stat_clear_snapshot()", rs -> null);
        return scans(c, "verify/table-scans.sql");
    }

    /** A table or index; {@code lockedTable} is the table itself, or the index's table, schema-qualified. */
    private record Relation(String name, String kind, long fileNode, String lockedTable, String schema, String relation) {
    }

    private record Watched(boolean seen, SQLException error) {
    }

    /**
     * Runs one statement outside a transaction while a blocking transaction holds ROW EXCLUSIVE on every table,
     * so that anything stronger than that — or a CONCURRENTLY build waiting for writers — waits where the
     * watcher can see its locks; then the blocker lets go.
     */
    private Watched watch(Connection c, String sql, String copyData, Map<Long, Relation> before,
                          Map<String, LockMode> locks) throws SQLException {
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
                    : rs.getString("relation_name")), schema, rs.getString("relation_name")));
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
