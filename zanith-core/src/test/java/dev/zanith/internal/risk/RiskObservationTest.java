package dev.zanith.internal.risk;

import dev.zanith.api.risk.Assessment;
import dev.zanith.api.risk.LockMode;
import dev.zanith.api.risk.ReasonCode;
import dev.zanith.api.risk.SizeTier;
import dev.zanith.api.risk.TableLock;
import dev.zanith.api.risk.RiskTableRow;
import dev.zanith.internal.risk.RiskTable;
import dev.zanith.internal.risk.RiskContext;
import dev.zanith.internal.risk.RiskModel;
import dev.zanith.internal.diff.Differ;
import dev.zanith.internal.introspect.CatalogFacts;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.api.ops.AddColumn;
import dev.zanith.api.ops.AddIndex;
import dev.zanith.api.ops.AlterColumnType;
import dev.zanith.api.ops.DropView;
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
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

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
import java.util.stream.Stream;

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
            INSERT INTO public.events SELECT g, DATE '2026-01-01' + g % 31, 'eu' FROM generate_series(1, ROWS) g;
            INSERT INTO public.events_2026_02 SELECT g, DATE '2026-02-01' + g % 28, 'eu' FROM generate_series(1, ROWS) g;
            ANALYZE;
            """.replace("ROWS", Integer.toString(ROWS));

    /** One matrix row: a published row, or a context rule the published context does not show. */
    private record Case(String label, Operation sample, List<Operation> setup, boolean utc,
                        List<CatalogFacts.ViewUse> views, List<CatalogFacts.ExclusionUse> exclusions) {
        Case(String label, Operation sample, List<Operation> setup, boolean utc) {
            this(label, sample, setup, utc, List.of(), List.of());
        }
    }

    /** An exclusion constraint on users.code (btree with =: no extension needed). */
    private static final RawSql CODE_EXCLUSION = new RawSql(
            "ALTER TABLE public.users ADD CONSTRAINT users_code_excl EXCLUDE USING btree (code WITH =)", true);
    private static final RawSql HANDLE_EXCLUSION = new RawSql(
            "ALTER TABLE public.users ADD CONSTRAINT users_handle_excl EXCLUDE USING btree (handle WITH =)", true);

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
                    false, List.of(new CatalogFacts.ViewUse(RiskTable.TABLE, "nickname", "public.user_nicknames")),
                    List.of()),
            new Case("alterColumnType (the view over the column is dropped earlier in the plan: not refused)",
                    new AlterColumnType(RiskTable.TABLE, "nickname", "character varying(100)", null, null, null),
                    List.of(new RawSql("CREATE VIEW public.user_nicknames AS SELECT id, nickname FROM public.users", true),
                            new DropView(new TableName("public", "user_nicknames"), null)),
                    false, List.of(new CatalogFacts.ViewUse(RiskTable.TABLE, "nickname", "public.user_nicknames")),
                    List.of()),
            new Case("alterColumnType (collation change, column in an exclusion constraint: its index is rebuilt)",
                    new AlterColumnType(RiskTable.TABLE, "code", "text", "C", null, null), List.of(CODE_EXCLUSION), false,
                    List.of(), List.of(new CatalogFacts.ExclusionUse(RiskTable.TABLE, "code", "users_code_excl"))),
            new Case("alterColumnType (binary-coercible widening, column in an exclusion constraint: nothing rebuilt)",
                    new AlterColumnType(RiskTable.TABLE, "handle", "character varying(50)", null, null, null),
                    List.of(HANDLE_EXCLUSION), false,
                    List.of(), List.of(new CatalogFacts.ExclusionUse(RiskTable.TABLE, "handle", "users_handle_excl"))));

    /** What the server did to one table. */
    private record Seen(LockMode mode, boolean rewritten, boolean indexBuilt, boolean rowsRead) {
        String held() {
            return rewritten ? TableLock.REWRITE : indexBuilt ? TableLock.BUILD : rowsRead ? TableLock.SCAN : TableLock.BRIEF;
        }
    }

    /** "addIndex (concurrently)": how a published row and its observation test are named. */
    static String label(OperationKind kind, String variant) {
        return kind.id() + (variant.isEmpty() ? "" : " (" + variant + ")");
    }

    /** Every published row, then the context rules the published context does not show. */
    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (RiskTableRow row : RiskTable.rows()) {
            cases.add(new Case(label(row.kind(), row.variant()), row.sample(), row.setup(), false));
        }
        cases.addAll(CONTEXT_RULES);
        return cases;
    }

    /**
     * The published table (docs/RISK.md, as readers see it) and the matrix cover each other: every published row has
     * an observation row of the same name, every operation kind has a published row, and no two rows share a name.
     * A new kind or variant without its observation fails here.
     */
    @Test
    void everyPublishedRowAndEveryOperationKindHasAnObservationRow() throws java.io.IOException {
        java.util.regex.Pattern row = java.util.regex.Pattern.compile("^\\| `(\\w+)` \\| ([^|]*) \\|");
        Set<String> published = new java.util.TreeSet<>();
        Set<String> publishedKinds = new java.util.TreeSet<>();
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("..", "docs", "RISK.md"))) {
            java.util.regex.Matcher m = row.matcher(line);
            if (m.find() && OperationKind.byId(m.group(1)).isPresent()) {
                publishedKinds.add(m.group(1));
                assertThat(published.add(label(OperationKind.byId(m.group(1)).orElseThrow(), m.group(2).trim())))
                        .as("published row %s is unique", line).isTrue();
            }
        }
        Set<String> observed = new java.util.TreeSet<>();
        for (Case c : cases()) {
            assertThat(observed.add(c.label())).as("observation row %s is unique", c.label()).isTrue();
        }
        assertThat(observed).as("observation rows").containsAll(published);
        assertThat(CONTEXT_RULES.stream().map(Case::label).toList()).as("the context rules docs/RISK.md lists")
                .isEqualTo(RiskTable.OBSERVED_CONTEXT_RULES);
        assertThat(publishedKinds).as("operation kinds with a published row")
                .containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(OperationKind.values())
                        .map(OperationKind::id).toList());
    }

    /**
     * One reported test per matrix row, named after it: a failing row names itself and the others still run. Rows
     * inside a transaction share one populated database (each is rolled back); rows with setup, outside a
     * transaction or in another session time zone get a fresh database of their own.
     */
    @TestFactory
    Stream<DynamicTest> everyPublishedRowIsWhatTheServerDoes(PostgresServer server, TestDatabase shared) throws Exception {
        assumeTrue(server.majorVersion() >= 15, "observing statements outside a transaction needs "
                + "pg_stat_force_next_flush() (PostgreSQL 15+); this server is " + server.majorVersion());
        ServerVersion version;
        try (Connection c = shared.connect()) {
            version = new ServerVersion(Jdbc.queryFirst(c, "SHOW server_version_num", rs -> Integer.parseInt(rs.getString(1)))
                    .orElseThrow());
        }
        createSchema(shared);
        return cases().stream().map(row -> DynamicTest.dynamicTest(row.label(), () -> run(server, shared, version, row)));
    }

    private static void run(PostgresServer server, TestDatabase shared, ServerVersion version, Case row) throws Exception {
        if (needsExtension(row)) {
            try (Connection c = shared.connect()) {
                assumeTrue(Jdbc.queryFirst(c, "SELECT 1 FROM pg_catalog.pg_available_extensions WHERE name = ?",
                        rs -> true, EXTENSION).orElse(false), EXTENSION + " is not available on this server");
            }
        }
        RiskContext context = RiskTable.context(SizeTier.SMALL, version, row.utc()).withViews(row.views())
                .withExclusions(row.exclusions());
        for (Operation setup : row.setup()) {
            context = context.after(setup);
        }
        Assessment predicted = RiskModel.classify(row.sample(), context);
        Statements statements = row.sample().render(RenderContext.preview());
        List<String> mismatches = new ArrayList<>();
        if (row.setup().isEmpty() && statements.transactional() && !row.utc()) {
            observe(shared, row, predicted, context, statements, mismatches);
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
                observe(db, row, predicted, context, statements, mismatches);
            }
        }
        assertThat(mismatches).as("prediction vs observation").isEmpty();
    }

    /** The extension the extension rows create and drop. */
    private static final String EXTENSION = "pg_trgm";

    private static boolean needsExtension(Case row) {
        return row.sample() instanceof dev.zanith.api.ops.CreateExtension || row.sample() instanceof dev.zanith.api.ops.DropExtension;
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

    private static void observe(TestDatabase db, Case row, Assessment predicted, RiskContext context,
                                Statements statements, List<String> mismatches) throws Exception {
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
                // Statement by statement (each runs on its own): a blocker holding ROW EXCLUSIVE on every table makes
                // each wait where the observer sees every lock it holds or asks for.
                try (Connection blocker = db.connect()) {
                    blocker.setAutoCommit(false);
                    for (String sql : statements.sql()) {
                        // DETACH ... CONCURRENTLY waits, between its two transactions and holding no table lock, for
                        // every transaction locking the parent: the blocker then leaves the parent alone, and the
                        // second transaction's ACCESS EXCLUSIVE on the partition waits where it is seen.
                        boolean detach = row.sample() instanceof dev.zanith.api.ops.DetachPartition;
                        Jdbc.execute(blocker, "LOCK TABLE public.users, public.orders, "
                                + (detach ? "public.events_2026_01" : "public.events") + ", "
                                + "public.events_2026_02 IN ROW EXCLUSIVE MODE");
                        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
                            try {
                                Jdbc.execute(c, sql);
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
                            break;
                        }
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
        if (row.sample() instanceof RawSql) {
            unknownCoversWhatWasSeen(label, predicted, context, seen, mismatches);
            return;
        }
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

    /**
     * Raw SQL claims no lock, rewrite or scan before it is rehearsed: its published level (unknown) must not be lower
     * than what each lock it was seen taking scores by the rule verify's derivation uses ({@link RiskModel#lockScore}:
     * mode × table size × what the statement did under it), so "review by hand" never understates the sample.
     */
    private static void unknownCoversWhatWasSeen(String label, Assessment predicted, RiskContext context,
                                                 Map<TableName, Seen> seen, List<String> mismatches) {
        if (!predicted.facts().locks().isEmpty() || predicted.facts().rewrite() != null || predicted.facts().scan() != null) {
            mismatches.add(label + ": raw SQL is published as claiming nothing, but predicts " + predicted.facts());
        }
        if (seen.values().stream().noneMatch(s -> s.mode() != null)) {
            mismatches.add(label + ": the sample was seen taking no lock: it shows nothing about its level");
        }
        seen.forEach((table, s) -> {
            if (s.mode() != null) {
                int score = RiskModel.lockScore(s.mode(), s.held(), table, context);
                if (score > predicted.score()) {
                    mismatches.add(label + ": " + s.mode() + " on " + table + " held for " + s.held() + " scores " + score
                            + ", above the published " + predicted.score());
                }
            }
        });
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
                + "AND c.relkind IN ('r', 'i', 'v', 'm', 'p')", rs -> out.put(rs.getLong(1), new Relation(rs.getString(2),
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
                    // Tables, partitioned tables, views and materialized views: view steps lock the view itself.
                    if (relation != null && !relation.kind().equals("i")) {
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
