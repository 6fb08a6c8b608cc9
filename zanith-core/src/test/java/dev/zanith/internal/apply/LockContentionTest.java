package dev.zanith.internal.apply;

import dev.zanith.internal.step.StepHook;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A step that needs ACCESS EXCLUSIVE on a table someone is using: it gives up after the short lock timeout,
 * retries with backoff, and succeeds once the blocker commits — and while it waits, other sessions' reads of
 * the table (which queue behind its lock request) are never held up for longer than that timeout.
 */
@RealPostgres
class LockContentionTest {

    private static final Duration STEP_LOCK_TIMEOUT = Duration.ofMillis(200);
    /** Readers give up (and the test fails) if they are ever blocked this long: ten times the step's lock timeout. */
    private static final String READER_LOCK_TIMEOUT = "2000";

    @TempDir
    Path dir;

    @Test
    void aBlockedStepTimesOutRetriesAndSucceedsWithoutStallingReaders(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE accounts (id bigint PRIMARY KEY, balance int NOT NULL);"
                + "INSERT INTO accounts SELECT g, 0 FROM generate_series(1, 100) g;");
        ApplyFixture f = new ApplyFixture(db, dir).migration("20260101000000_add_currency", """
                  - addColumn:
                      table: public.accounts
                      column: {name: currency, type: text}
                """);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        AtomicBoolean applying = new AtomicBoolean(true);
        List<String> readerFailures = new CopyOnWriteArrayList<>();
        AtomicLong reads = new AtomicLong();
        try (Connection blocker = db.connect(); Connection observer = db.connect()) {
            blocker.setAutoCommit(false);
            Jdbc.query(blocker, "SELECT count(*) FROM accounts", rs -> null); // holds ACCESS SHARE until commit

            Future<?> reader = pool.submit(() -> {
                try (Connection c = db.connect()) {
                    Jdbc.query(c, "SELECT set_config('lock_timeout', ?, false)", rs -> null, READER_LOCK_TIMEOUT);
                    while (applying.get()) {
                        try {
                            Jdbc.query(c, "SELECT sum(balance) FROM accounts", rs -> null);
                            reads.incrementAndGet();
                            Thread.sleep(5);
                        } catch (SQLException e) {
                            readerFailures.add(e.getSQLState() + " " + e.getMessage());
                        }
                    }
                }
                return null;
            });
            Future<ApplyFixture.Recorder> apply = pool.submit(() -> {
                try {
                    return f.apply(f.config().lockTimeout(STEP_LOCK_TIMEOUT).lockRetryAttempts(200)
                            .lockRetryBackoff(Duration.ofMillis(50)).lockRetryMaxBackoff(Duration.ofMillis(200)).build(),
                            ApplyGuard.ALLOW_ALL, StepHook.NONE);
                } finally {
                    applying.set(false);
                }
            });

            // Let the step fail on the lock timeout a few times, then let the blocker go.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (attempts(observer) < 3) {
                assertThat(System.nanoTime()).as("the step never retried").isLessThan(deadline);
                Thread.sleep(20);
            }
            long readsWhileBlocked = reads.get();
            blocker.commit();

            ApplyFixture.Recorder recorder = apply.get(60, TimeUnit.SECONDS);
            reader.get(60, TimeUnit.SECONDS);

            assertThat(recorder.result.succeeded()).as(recorder.events.toString()).isTrue();
            assertThat(recorder.count("retry 1")).isGreaterThanOrEqualTo(2);
            assertThat(f.rows("SELECT status, attempts >= 3 AS retried FROM _zanith_migration_steps"))
                    .containsExactly(java.util.Map.of("status", "done", "retried", true));
            assertThat(f.value("SELECT count(*) FROM information_schema.columns WHERE column_name = 'currency'"))
                    .isEqualTo(1L);
            assertThat(readerFailures).as("reads blocked longer than " + READER_LOCK_TIMEOUT + " ms").isEmpty();
            assertThat(readsWhileBlocked).as("readers kept reading while the step was retrying").isPositive();
        } finally {
            applying.set(false);
            pool.shutdownNow();
        }
    }

    private static long attempts(Connection c) throws SQLException {
        boolean exists = Jdbc.queryFirst(c, "SELECT to_regclass('public._zanith_migration_steps') IS NOT NULL",
                rs -> rs.getBoolean(1)).orElse(false);
        return !exists ? 0 : Jdbc.queryFirst(c, "SELECT coalesce(max(attempts), 0) FROM _zanith_migration_steps",
                rs -> rs.getLong(1)).orElse(0L);
    }
}
