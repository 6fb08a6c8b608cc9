package dev.zanith.internal.apply;

import dev.zanith.internal.step.StepHook;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.audit.AuditLog;
import dev.zanith.internal.audit.AuditTables;
import dev.zanith.api.output.StepRow;
import dev.zanith.internal.jdbc.ConnectionSource;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 15, failures that leave the truth behind: the audit says what happened even when a connection dies. */
@RealPostgres
class TruthAfterFailureTest {

    @TempDir
    Path dir;

    @Test
    void aStepWhoseConnectionIsTerminatedIsRecordedFailedWithTheCause(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE users (id int PRIMARY KEY)");
        ApplyFixture f = new ApplyFixture(db, dir).migration("20260101000000_slow", """
                  - rawSql: {sql: "SELECT pg_sleep(30)"}
                """);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<ApplyFixture.Recorder> run = pool.submit(() -> f.apply());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            Object terminated = null;
            while (!Boolean.TRUE.equals(terminated)) {
                assertThat(System.nanoTime()).as("the step started").isLessThan(deadline);
                Thread.sleep(20);
                terminated = f.value("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        + "WHERE query = 'SELECT pg_sleep(30)' AND state = 'active'");
            }
            ApplyFixture.Recorder recorder = run.get(30, TimeUnit.SECONDS);
            assertThat(recorder.result.failedStep()).hasValueSatisfying(s -> assertThat(s.sqlState()).isEqualTo("57P01"));
        } finally {
            pool.shutdownNow();
        }
        assertThat(f.rows("SELECT status, sqlstate, error LIKE '%terminating connection%' AS cause "
                + "FROM _zanith_migration_steps")).containsExactly(Map.of("status", "failed", "sqlstate", "57P01",
                "cause", true));
        try (Connection c = db.connect()) {
            List<StepRow> failed = new AuditLog(new AuditTables("public", "_zanith_")).failedUnfinishedSteps(c);
            assertThat(failed).extracting(StepRow::migrationId).containsExactly("20260101000000_slow");
        }
    }

    @Test
    void aStepLeftRunningByAnApplyThatDiedIsRecordedFailedByTheNextOne(TestDatabase db) {
        db.execute("CREATE TABLE users (id int PRIMARY KEY, nickname text)");
        ApplyFixture f = new ApplyFixture(db, dir).migration("20260101000000_nick", """
                  - setDefault: {table: public.users, column: nickname, expression: "'anon'::text"}
                """);
        // What a killed apply leaves: the step marked running, nothing else.
        assertThat(f.apply(f.config().build(), (c, pending) -> GuardDecision.refuse("not yet"), StepHook.NONE)
                .result.refused()).isTrue();
        db.execute("INSERT INTO _zanith_migration_steps (migration_id, step_index, operation_kind, status, sql) "
                + "VALUES ('20260101000000_nick', 1, 'setDefault', 'running', 'ALTER TABLE ...')");

        ApplyFixture.Recorder refused = f.apply(f.config().build(), (c, pending) -> GuardDecision.refuse("not yet"),
                StepHook.NONE);

        assertThat(refused.result.refused()).isTrue();
        assertThat(f.rows("SELECT status, error LIKE 'interrupted: %' AS interrupted, finished_at IS NOT NULL AS ended "
                + "FROM _zanith_migration_steps")).containsExactly(Map.of("status", "failed", "interrupted", true,
                "ended", true));
        try (Connection c = db.connect()) {
            assertThat(new AuditLog(new AuditTables("public", "_zanith_")).failedUnfinishedSteps(c))
                    .extracting(StepRow::stepIndex).containsExactly(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(f.apply().result.succeeded()).isTrue();
        assertThat(f.statuses("20260101000000_nick")).containsExactly("done");
    }

    @Test
    void aStepEditedAfterAFailureIsAuditedAsWhatRan(TestDatabase db) {
        db.execute("CREATE TABLE users (id int PRIMARY KEY, nickname text)");
        ApplyFixture f = new ApplyFixture(db, dir).migration("20260101000000_fix", """
                  - rawSql: {sql: "SELECT 1/0"}
                """);
        assertThat(f.apply().result.failedStep()).isPresent();
        f.migration("20260101000000_fix", """
                  - setDefault: {table: public.users, column: nickname, expression: "'anon'::text"}
                """);
        assertThat(f.apply().result.succeeded()).isTrue();
        assertThat(f.rows("SELECT status, operation_kind, sql, summary NOT LIKE 'raw sql%' AS summarized "
                + "FROM _zanith_migration_steps")).containsExactly(Map.of("status", "done", "operation_kind",
                "setDefault", "sql", "ALTER TABLE public.users ALTER COLUMN nickname SET DEFAULT 'anon'::text;\n",
                "summarized", true));
    }

    @Test
    void aServerThatAcceptsButNeverAnswersDoesNotHangTheConnect() throws Exception {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (Exception closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String url = "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/app?loginTimeout=1";
            long start = System.nanoTime();
            assertThatThrownBy(() -> ConnectionSource.of(url, "u", null).open()).isInstanceOf(ZanithException.class)
                    .hasMessageStartingWith("Cannot connect to " + url + ": the server did not answer within the "
                            + "connect timeout")
                    .hasMessageNotContaining("Exception");
            assertThat((System.nanoTime() - start) / 1_000_000_000).isLessThan(10);
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }
}
