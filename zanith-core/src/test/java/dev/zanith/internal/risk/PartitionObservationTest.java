package dev.zanith.internal.risk;

import dev.zanith.api.ops.AttachPartition;
import dev.zanith.api.ops.CreatePartition;
import dev.zanith.api.ops.DetachPartition;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.ops.RenderContext;
import dev.zanith.api.risk.Assessment;
import dev.zanith.api.risk.LockMode;
import dev.zanith.api.risk.TableLock;
import dev.zanith.api.schema.LiveSchema;
import dev.zanith.api.schema.Partition;
import dev.zanith.api.schema.TableName;
import dev.zanith.internal.introspect.IntrospectionOptions;
import dev.zanith.internal.introspect.Introspector;
import dev.zanith.internal.introspect.PendingDetachFixture;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partition facts the published sample table does not show, observed on a real server: beside a DEFAULT partition
 * that holds rows, creating or attaching a partition also takes ACCESS EXCLUSIVE on the DEFAULT partition and reads it
 * (for rows the new bound would claim). Each step runs in a transaction that is rolled back; its locks come from
 * {@code pg_locks} for its own backend, its reads from {@code pg_stat_xact_user_tables}. Likewise the FINALIZE that
 * completes a detach left pending.
 */
@RealPostgres
class PartitionObservationTest {

    private static final String SCHEMA = """
            CREATE TABLE public.sales (id bigint NOT NULL, region text) PARTITION BY LIST (region);
            CREATE TABLE public.sales_eu PARTITION OF public.sales FOR VALUES IN ('de', 'fr');
            CREATE TABLE public.sales_other PARTITION OF public.sales DEFAULT;
            CREATE TABLE public.sales_us (id bigint NOT NULL, region text);
            INSERT INTO public.sales SELECT g, CASE WHEN g % 2 = 0 THEN 'de' ELSE 'jp' END FROM generate_series(1, 2000) g;
            INSERT INTO public.sales_us SELECT g, 'us' FROM generate_series(1, 500) g;
            ANALYZE;
            """;
    private static final TableName SALES = new TableName("public", "sales");
    private static final Partition US = Partition.of("public", "sales_us", "FOR VALUES IN ('us')");

    @Test
    void creatingAPartitionBesideADefaultPartitionScansTheDefaultUnderAccessExclusive(TestDatabase db) throws Exception {
        db.execute(SCHEMA.replace("CREATE TABLE public.sales_us (id bigint NOT NULL, region text);", "")
                .replace("INSERT INTO public.sales_us SELECT g, 'us' FROM generate_series(1, 500) g;", ""));
        observe(db, new CreatePartition(SALES, US));
    }

    @Test
    void attachingBesideADefaultPartitionScansTheDefaultAndTheTable(TestDatabase db) throws Exception {
        db.execute(SCHEMA);
        observe(db, new AttachPartition(SALES, US));
    }

    /**
     * Finalizing a detach that an interrupted {@code DETACH ... CONCURRENTLY} left pending (what a resumed
     * detachPartition step runs) takes the locks the model predicts for the concurrent detach, and reads no rows. The
     * pending detach is real: a REPEATABLE READ transaction that read the parent makes the detach's second transaction
     * wait, and a statement timeout cancels that wait after the first transaction committed.
     */
    @Test
    void finalizingAPendingDetachTakesTheLocksPredictedForTheConcurrentDetach(TestDatabase db) throws Exception {
        PendingDetachFixture.create(db);
        PendingDetachFixture.leaveJanuaryPending(db);
        DetachPartition detach = new DetachPartition(new TableName("public", "events"),
                Partition.of("public", "events_2026_01", "FOR VALUES FROM ('2026-01-01') TO ('2026-02-01')"), true);

        Assessment predicted = RiskModel.classify(detach, context(db));
        Observed observed = observe(db, detach.finalizePending().sql());
        Map<TableName, LockMode> said = new TreeMap<>();
        predicted.facts().locks().forEach(l -> said.put(l.table(), l.mode()));
        assertThat(observed.locks()).as("FINALIZE: locks observed").isEqualTo(said);
        assertThat(observed.read().values()).as("FINALIZE reads no rows").allMatch(n -> n == 0);
        assertThat(predicted.facts().scan()).isFalse();
    }

    private static RiskContext context(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            LiveSchema live = new Introspector(IntrospectionOptions.defaults()).introspect(c);
            return RiskContext.builder().server(live.server()).live(live.graph()).build();
        }
    }

    /** What statements did, run in one transaction that is rolled back: tables locked (strongest mode), rows read. */
    private record Observed(Map<TableName, LockMode> locks, Map<TableName, Long> read) {
    }

    private static Observed observe(TestDatabase db, List<String> statements) throws Exception {
        Map<TableName, LockMode> locks = new TreeMap<>();
        Map<TableName, Long> read = new TreeMap<>();
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try {
                for (String sql : statements) {
                    Jdbc.execute(c, sql);
                }
                Jdbc.query(c, "SELECT c.relname, l.mode FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
                        + "WHERE l.pid = pg_backend_pid() AND c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')",
                        rs -> locks.merge(new TableName("public", rs.getString(1)),
                                LockMode.fromPgLocks(rs.getString(2)).orElseThrow(), LockMode::strongest));
                Jdbc.query(c, "SELECT relname, coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0) "
                        + "FROM pg_stat_xact_user_tables WHERE schemaname = 'public'",
                        rs -> read.put(new TableName("public", rs.getString(1)), rs.getLong(2)));
            } finally {
                c.rollback();
            }
        }
        return new Observed(locks, read);
    }

    /** Runs {@code op} in a rolled-back transaction and compares what the server did with what the model predicts. */
    private static void observe(TestDatabase db, Operation op) throws Exception {
        Assessment predicted = RiskModel.classify(op, context(db));
        Observed observed = observe(db, op.render(RenderContext.preview()).sql());
        Map<TableName, LockMode> locks = new TreeMap<>(observed.locks());
        Map<TableName, Long> read = observed.read();
        Map<TableName, LockMode> said = new TreeMap<>();
        for (TableLock lock : predicted.facts().locks()) {
            said.put(lock.table(), lock.mode());
            boolean rowsRead = read.getOrDefault(lock.table(), 0L) > 0;
            assertThat(rowsRead).as("%s: rows of %s read (predicted held for %s)", op.summary(), lock.table(), lock.held())
                    .isEqualTo(lock.held().equals(TableLock.SCAN));
        }
        if (op instanceof CreatePartition) {
            locks.remove(US.qualifiedName()); // created by the step: nobody could wait on it
        }
        assertThat(locks).as("%s: locks observed", op.summary()).isEqualTo(said);
        assertThat(predicted.facts().scan()).as("%s: scan", op.summary()).isTrue();
        assertThat(said).containsEntry(new TableName("public", "sales_other"), LockMode.ACCESS_EXCLUSIVE);
    }
}
