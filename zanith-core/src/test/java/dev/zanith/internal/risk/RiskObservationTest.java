package dev.zanith.internal.risk;

import dev.zanith.api.risk.Assessment;
import dev.zanith.api.risk.LockMode;
import dev.zanith.api.risk.ReasonCode;
import dev.zanith.api.risk.RiskTableRow;
import dev.zanith.api.risk.SizeTier;
import dev.zanith.api.risk.TableLock;
import dev.zanith.internal.risk.RiskTable;
import dev.zanith.internal.risk.RiskContext;
import dev.zanith.internal.risk.RiskModel;
import dev.zanith.internal.diff.Differ;
import dev.zanith.internal.introspect.CatalogFacts;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.api.ops.AddColumn;
import dev.zanith.api.ops.AddIndex;
import dev.zanith.api.ops.AlterColumnType;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.ops.OperationKind;
import dev.zanith.api.ops.RawSql;
import dev.zanith.api.ops.RenderContext;
import dev.zanith.api.ops.Statements;
import dev.zanith.api.schema.Column;
import dev.zanith.api.schema.Index;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.ServerVersion;
import dev.zanith.api.schema.TableName;
import dev.zanith.testsupport.PostgresServer;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The observation matrix: every row of the published risk table (each operation kind × variant, and each context
 * rule) runs on a real server against tables of a few thousand rows, and what the server did must equal what the
 * model — classified for the server's own version — predicts:
 * <ul>
 *   <li>the lock mode held (or awaited) per table, read from {@code pg_locks} by a second session;</li>
 *   <li>how long the target's lock is held: through a rewrite (the table's {@code relfilenode} changed), an index
 *       build (an index of it was built or its {@code relfilenode} changed), a scan (its rows were read:
 *       {@code seq_tup_read + idx_tup_fetch}), or briefly (none of these);</li>
 *   <li>whether any table was rewritten, whether existing indexes were rebuilt, and whether rows were read.</li>
 * </ul>
 * Transactional rows run inside a transaction that is rolled back (rows read come from
 * {@code pg_stat_xact_user_tables}, exact and synchronous); rows that run outside a transaction run in a database
 * of their own while a second session holds ROW EXCLUSIVE on every table, so their locks wait where the observer
 * sees them, and rows read come from {@code pg_stat_user_tables} after {@code pg_stat_force_next_flush()} (15+).
 */
@RealPostgres
class RiskObservationTest {

    /** Rows: how many rows each sample table holds. */
    private static final int ROWS = 3000;

    /** Extensions may not be installed on the test server; raw SQL has no prediction to check. */
    private static final Set<OperationKind> NOT_OBSERVED = Set.of(OperationKind.RAW_SQL,
            OperationKind.CREATE_EXTENSION, OperationKind.DROP_EXTENSION);

    /** Rows the model says fail on a populated table: the failure (SQLSTATE) is what is observed. */
    private static final Map<String, String> FAILS = Map.of("addColumn (required, no default)", "23502");

    private static final String POPULATE = """
            CREATE DOMAIN public.positive_amount AS numeric CHECK (VALUE > 0);
            CREATE DOMAIN public.amount AS numeric(12,4);
            INSERT INTO public.users (email, name, nickname, handle, age, balance, code, legacy, deleted_at)
            SELECT 'u' || g || '@x.io', 'name ' || g, 'nick ' || g, 'h' || g, 20 + g % 50, g * 1.5, g::text, 'old',
                   CASE WHEN g % 10 = 0 THEN now() END
            FROM generate_series(1, ROWS) g;
            INSERT INTO public.orders (id, user_id, total) SELECT g, g, g * 2.5 FROM generate_series(1, ROWS) g;
            ANALYZE;
            """.replace("ROWS", Integer.toString(ROWS));

    /** One matrix row: a published row, or a context rule the published context does not show. */
    private record Case(String label, Operation sample, List<Operation> setup, boolean utc,
                        List<CatalogFacts.ViewUse> views) {
        Case(String label, Operation sample, List<Operation> setup, boolean utc) {
            this(label, sample, setup, utc, List.of());
        }
    }

    /** Context rules beyond the published table's context (which is not in UTC). */
    private static final List<Case> CONTEXT_RULES = List.of(
            new Case("alterColumnType (timestamp to timestamptz in UTC, indexed: operator class changes)",
                    new AlterColumnType(RiskTable.TABLE, "seen", "timestamp with time zone", null, null, null),
                    List.of(new AddColumn(RiskTable.TABLE, Column.of("seen", "timestamp without time zone", false)),
                            new AddIndex(RiskTable.TABLE, Index.of("users_seen_idx", List.of("seen")), false)), true),
            new Case("alterColumnType (timestamp to timestamptz in UTC, no index)",
                    new AlterColumnType(RiskTable.TABLE, "seen", "timestamp with time zone", null, null, null),
                    List.of(new AddColumn(RiskTable.TABLE, Column.of("seen", "timestamp without time zone", false))), true),
            new Case("alterColumnType (a view selects the column: refused)",
                    new AlterColumnType(RiskTable.TABLE, "nickname", "character varying(100)", null, null, null),
                    List.of(new RawSql("CREATE VIEW public.user_nicknames AS SELECT id, nickname FROM public.users", true)),
                    false, List.of(new CatalogFacts.ViewUse(RiskTable.TABLE, "nickname", "public.user_nicknames"))));

    /** What the server did to one table. */
    private record Seen(LockMode mode, boolean rewritten, boolean indexBuilt, boolean rowsRead) {
        String held() {
            return rewritten ? TableLock.REWRITE : indexBuilt ? TableLock.BUILD : rowsRead ? TableLock.SCAN : TableLock.BRIEF;
        }
    }

    @Test
    void everyPublishedRowIsWhatTheServerDoes(PostgresServer server, TestDatabase shared) throws Exception {
        assumeTrue(server.majorVersion() >= 15, "observing statements outside a transaction needs "
                + "pg_stat_force_next_flush() (PostgreSQL 15+); this server is " + server.majorVersion());
        ServerVersion version;
        try (Connection c = shared.connect()) {
            version = new ServerVersion(Jdbc.queryFirst(c, "SHOW server_version_num", rs -> Integer.parseInt(rs.getString(1)))
                    .orElseThrow());
        }
        createSchema(shared);
        List<String> mismatches = new ArrayList<>();
        int observed = 0;
        List<Case> cases = new ArrayList<>();
        for (RiskTableRow row : RiskTable.rows()) {
            if (!NOT_OBSERVED.contains(row.kind())) {
                cases.add(new Case(row.kind().id() + (row.variant().isEmpty() ? "" : " (" + row.variant() + ")"),
                        row.sample(), row.setup(), false));
            }
        }
        cases.addAll(CONTEXT_RULES);
        for (Case row : cases) {
            RiskContext context = RiskTable.context(SizeTier.SMALL, version, row.utc()).withViews(row.views());
            for (Operation setup : row.setup()) {
                context = context.after(setup);
            }
            Assessment predicted = RiskModel.classify(row.sample(), context);
            Statements statements = row.sample().render(RenderContext.preview());
            if (row.setup().isEmpty() && statements.transactional() && !row.utc()) {
                observe(shared, row, predicted, statements, mismatches);
            } else {
                try (TestDatabase db = server.createDatabase("risk_matrix")) {
                    createSchema(db);
                    try (Connection c = db.connect()) {
                        for (Operation setup : row.setup()) {
                            for (String sql : setup.render(RenderContext.preview()).sql()) {
                                Jdbc.execute(c, sql);
                            }
                        }
                    }
                    observe(db, row, predicted, statements, mismatches);
                }
            }
            observed++;
        }
        assertThat(observed).as("matrix rows observed").isEqualTo(cases.size())
                .isGreaterThanOrEqualTo(RiskTable.rows().size() - NOT_OBSERVED.size());
        assertThat(mismatches).as("prediction vs observation").isEmpty();
    }

    private static void createSchema(TestDatabase db) throws SQLException {
        SchemaGraph graph = RiskTable.graph();
        try (Connection c = db.connect()) {
            for (Operation op : Differ.diff(SchemaGraph.empty(), graph).operations()) {
                for (String sql : op.render(RenderContext.preview()).sql()) {
                    Jdbc.execute(c, sql);
                }
            }
            Jdbc.execute(c, POPULATE);
        }
    }

    private record Relation(String name, String kind, long fileNode, TableName table) {
    }

    private static void observe(TestDatabase db, Case row, Assessment predicted, Statements statements,
                                List<String> mismatches) throws Exception {
        String label = row.label();
        Map<TableName, LockMode> locks = new TreeMap<>();
        Map<TableName, Long> rowsRead;
        Map<Long, Relation> before;
        Map<Long, Long> fileNodes;
        Set<TableName> built = new HashSet<>();
        try (Connection c = db.connect(); Connection observer = db.connect()) {
            before = relations(c);
            int pid = Jdbc.queryFirst(c, "SELECT pg_backend_pid()", rs -> rs.getInt(1)).orElseThrow();
            if (row.utc()) {
                Jdbc.execute(c, "SET TIME ZONE 'UTC'");
            }
            String failure = null;
            if (statements.transactional()) {
                c.setAutoCommit(false);
                try {
                    for (String sql : statements.sql()) {
                        Jdbc.execute(c, sql);
                    }
                    collectLocks(observer, pid, before, locks);
                    rowsRead = rowsRead(c, "pg_stat_xact_user_tables");
                    fileNodes = fileNodes(c, before, built);
                } catch (SQLException e) {
                    failure = e.getSQLState();
                    rowsRead = Map.of();
                    fileNodes = Map.of();
                } finally {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            } else {
                Jdbc.query(c, "SELECT pg_stat_force_next_flush()", rs -> null);
                Map<TableName, Long> baseline = rowsRead(observer, "pg_stat_user_tables");
                try (Connection blocker = db.connect()) {
                    blocker.setAutoCommit(false);
                    Jdbc.execute(blocker, "LOCK TABLE public.users, public.orders IN ROW EXCLUSIVE MODE");
                    CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
                        try {
                            for (String sql : statements.sql()) {
                                Jdbc.execute(c, sql);
                            }
                        } catch (SQLException e) {
                            throw new IllegalStateException(e.getSQLState(), e);
                        }
                    });
                    // Until it waits behind the blocker: then every lock it holds or asks for is in pg_locks.
                    int waiting = 0;
                    long deadline = System.currentTimeMillis() + 5000;
                    while (!running.isDone() && waiting < 3 && System.currentTimeMillis() < deadline) {
                        collectLocks(observer, pid, before, locks);
                        waiting += Jdbc.queryFirst(observer, "SELECT wait_event_type = 'Lock' FROM pg_stat_activity "
                                + "WHERE pid = ?", rs -> rs.getBoolean(1), pid).orElse(false) ? 1 : 0;
                        Thread.sleep(2);
                    }
                    blocker.rollback();
                    try {
                        running.get(2, TimeUnit.MINUTES);
                    } catch (java.util.concurrent.ExecutionException e) {
                        failure = e.getCause().getMessage();
                    }
                }
                Jdbc.query(c, "SELECT pg_stat_force_next_flush()", rs -> null);
                Map<TableName, Long> after = rowsRead(observer, "pg_stat_user_tables");
                Map<TableName, Long> delta = new HashMap<>();
                after.forEach((table, n) -> delta.put(table, n - baseline.getOrDefault(table, 0L)));
                rowsRead = delta;
                fileNodes = fileNodes(c, before, built);
            }
            // A step the model says the server refuses must fail with feature_not_supported, changing nothing.
            String expectedFailure = predicted.facts().locks().stream().anyMatch(l -> l.held().equals(TableLock.REFUSED))
                    ? "0A000" : FAILS.get(label);
            if (expectedFailure != null || failure != null) {
                if (!java.util.Objects.equals(expectedFailure, failure)) {
                    mismatches.add(label + ": expected " + (expectedFailure == null ? "success" : "failure " + expectedFailure)
                            + ", got " + (failure == null ? "success" : "failure " + failure));
                }
                return;
            }
        }
        Map<Long, Long> files = fileNodes;
        Map<TableName, Long> read = rowsRead;
        Map<TableName, Seen> seen = new TreeMap<>();
        Set<TableName> rewritten = new HashSet<>();
        Set<TableName> rebuilt = new HashSet<>();
        before.forEach((oid, relation) -> {
            Long now = files.get(oid);
            if (now != null && now != relation.fileNode()) {
                (relation.kind().equals("i") ? rebuilt : rewritten).add(relation.table());
            }
        });
        Set<TableName> tables = new HashSet<>(locks.keySet());
        read.forEach((table, n) -> {
            if (n > 0) {
                tables.add(table);
            }
        });
        for (TableName table : tables) {
            seen.put(table, new Seen(locks.get(table), rewritten.contains(table),
                    rebuilt.contains(table) || built.contains(table), read.getOrDefault(table, 0L) > 0));
        }
        Set<TableName> existing = new HashSet<>();
        before.values().forEach(r -> existing.add(r.table()));
        compare(label, predicted, existing, seen, !rewritten.isEmpty(), !rebuilt.isEmpty() && rewritten.isEmpty(), mismatches);
    }

    private static void compare(String label, Assessment predicted, Set<TableName> existing, Map<TableName, Seen> seen,
                                boolean rewrote,
                                boolean rebuiltIndexes, List<String> mismatches) {
        // A table the step itself creates has no lock anyone could wait on: only tables that existed are compared.
        Map<TableName, TableLock> claimed = new TreeMap<>();
        predicted.facts().locks().stream().filter(l -> existing.contains(l.table())).forEach(l -> claimed.put(l.table(), l));
        Set<TableName> tables = new HashSet<>(claimed.keySet());
        seen.forEach((table, s) -> {
            if (s.mode() != null) {
                tables.add(table);
            }
        });
        for (TableName table : tables) {
            TableLock said = claimed.get(table);
            Seen did = seen.get(table);
            LockMode saidMode = said == null ? null : said.mode();
            LockMode didMode = did == null ? null : did.mode();
            if (saidMode != didMode) {
                mismatches.add(label + ": lock on " + table + " predicted " + saidMode + ", observed " + didMode);
                continue;
            }
            if (said != null && !heldAs(said.held()).equals(did.held())) {
                mismatches.add(label + ": " + saidMode + " on " + table + " predicted held for " + said.held()
                        + ", observed " + did.held());
            }
        }
        boolean read = seen.values().stream().anyMatch(Seen::rowsRead);
        if (predicted.facts().scan() != null && predicted.facts().scan() != read) {
            mismatches.add(label + ": predicted scan=" + predicted.facts().scan() + ", rows read: " + read);
        }
        if (predicted.facts().rewrite() != null && predicted.facts().rewrite() != rewrote) {
            mismatches.add(label + ": predicted rewrite=" + predicted.facts().rewrite() + ", observed " + rewrote);
        }
        boolean saidRebuild = predicted.reasons().contains(ReasonCode.REBUILDS_INDEX);
        if (saidRebuild != rebuiltIndexes) {
            mismatches.add(label + ": predicted index rebuild=" + saidRebuild + ", observed " + rebuiltIndexes);
        }
    }

    /** The observable duration class of a predicted hold: batches and copy-then-drop read rows like a scan. */
    private static String heldAs(String held) {
        return switch (held) {
            case TableLock.BATCHES, TableLock.BRIEF_AFTER_SHARE_SCAN -> TableLock.SCAN;
            default -> held;
        };
    }

    private static Map<Long, Relation> relations(Connection c) throws SQLException {
        Map<Long, Relation> out = new HashMap<>();
        Jdbc.query(c, "SELECT c.oid::bigint, c.relname, c.relkind::text, c.relfilenode::bigint, "
                + "coalesce(t.relname, c.relname) FROM pg_class c LEFT JOIN pg_index i ON i.indexrelid = c.oid "
                + "LEFT JOIN pg_class t ON t.oid = i.indrelid WHERE c.relnamespace = 'public'::regnamespace "
                + "AND c.relkind IN ('r', 'i')", rs -> out.put(rs.getLong(1), new Relation(rs.getString(2),
                rs.getString(3), rs.getLong(4), new TableName("public", rs.getString(5)))));
        return out;
    }

    /**
     * The storage now of every relation that existed before, keyed by its oid then. A table keeps its oid; an
     * index an ALTER re-creates gets a new oid (keeping its old storage when PostgreSQL can reuse it), so indexes
     * are matched by name. Indexes with a name that did not exist before are added to {@code built}.
     */
    private static Map<Long, Long> fileNodes(Connection c, Map<Long, Relation> before, Set<TableName> built)
            throws SQLException {
        Map<Long, Relation> now = relations(c);
        Map<String, Long> beforeIndexes = new HashMap<>();
        before.forEach((oid, relation) -> {
            if (relation.kind().equals("i")) {
                beforeIndexes.put(relation.name(), oid);
            }
        });
        Map<Long, Long> out = new HashMap<>();
        now.forEach((oid, relation) -> {
            if (relation.kind().equals("i") && !before.containsKey(oid)) {
                Long then = beforeIndexes.get(relation.name());
                if (then != null) {
                    out.put(then, relation.fileNode());
                } else {
                    built.add(relation.table());
                }
            } else if (before.containsKey(oid)) {
                out.put(oid, relation.fileNode()); // the same table or index (renamed, perhaps)
            }
        });
        return out;
    }

    private static void collectLocks(Connection observer, int pid, Map<Long, Relation> before,
                                     Map<TableName, LockMode> locks) throws SQLException {
        Jdbc.query(observer, "SELECT relation::bigint, mode FROM pg_locks WHERE pid = ? AND locktype = 'relation'",
                rs -> {
                    Relation relation = before.get(rs.getLong(1));
                    if (relation != null && relation.kind().equals("r")) {
                        locks.merge(relation.table(), LockMode.fromPgLocks(rs.getString(2)).orElseThrow(),
                                LockMode::strongest);
                    }
                    return null;
                }, pid);
    }

    private static Map<TableName, Long> rowsRead(Connection c, String view) throws SQLException {
        if (!view.contains("xact")) {
            Jdbc.query(c, "SELECT pg_stat_clear_snapshot()", rs -> null);
        }
        Map<TableName, Long> out = new HashMap<>();
        // Index-only scans (an FK check probing the referenced key) fetch no heap tuple, so index scans count too.
        Jdbc.query(c, "SELECT relname, coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0) + coalesce(idx_scan, 0) FROM "
                + view
                + " WHERE schemaname = 'public'", rs -> out.put(new TableName("public", rs.getString(1)), rs.getLong(2)));
        return out;
    }
}
