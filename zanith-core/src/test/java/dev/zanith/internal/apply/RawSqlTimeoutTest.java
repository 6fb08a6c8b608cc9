package dev.zanith.internal.apply;

import dev.zanith.api.output.StepOutcome;
import dev.zanith.internal.step.StepHook;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: a raw SQL step gets the ordinary statement timeout like any other step, configured the same way; only a
 * raw step that is long-running by the one definition ({@code Operation.longRunning()}: here a concurrent index
 * build) gets the long one. Each case on a real server: the timeout is the server's {@code statement_timeout}
 * (SQLSTATE 57014), not a client-side guess.
 */
@RealPostgres
class RawSqlTimeoutTest {

    private static ApplyFixture file(TestDatabase db, Path dir, String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        return new ApplyFixture(db, dir);
    }

    @Test
    void aRawStepGetsTheOrdinaryStatementTimeoutAndARaisedOneLetsItFinish(TestDatabase db, @TempDir Path dir)
            throws IOException {
        ApplyFixture f = file(db, dir, "V1__slow.sql", "CREATE TABLE slow (id int);\nSELECT pg_sleep(1.5);\n");

        ApplyFixture.Recorder first = f.apply(f.config().statementTimeout(Duration.ofMillis(400))
                .longStatementTimeout(Duration.ofMinutes(10)).build(), ApplyGuard.ALLOW_ALL, StepHook.NONE);
        assertThat(first.result.succeeded()).isFalse();
        StepOutcome failed = first.result.failedStep().orElseThrow();
        assertThat(failed.sqlState()).isEqualTo("57014");
        assertThat(failed.error()).contains("V1__slow.sql:2").contains("statement timeout");
        assertThat(f.value("SELECT to_regclass('slow') IS NULL")).as("the file's transaction rolled back").isEqualTo(true);

        ApplyFixture.Recorder second = f.apply(f.config().statementTimeout(Duration.ofSeconds(30))
                .longStatementTimeout(Duration.ofMillis(400)).build(), ApplyGuard.ALLOW_ALL, StepHook.NONE);
        assertThat(second.result.succeeded()).as(second.events.toString()).isTrue();
        assertThat(f.statuses("V1__slow")).containsExactly("done");
    }

    @Test
    void aRawConcurrentIndexBuildIsLongRunningAndGetsTheLongTimeout(TestDatabase db, @TempDir Path dir)
            throws IOException {
        db.execute("CREATE TABLE t (id int)");
        ApplyFixture f = file(db, dir, "V1__index.sql", """
                -- zanith:transaction=none
                CREATE INDEX CONCURRENTLY t_id_idx ON t (id);
                SELECT pg_sleep(1.5);
                """);

        ApplyFixture.Recorder r = f.apply(f.config().statementTimeout(Duration.ofMillis(400))
                .longStatementTimeout(Duration.ofMinutes(10)).build(), ApplyGuard.ALLOW_ALL, StepHook.NONE);

        assertThat(r.result.succeeded()).as(String.valueOf(r.result.failedStep())).isTrue();
        assertThat(f.value("SELECT indisvalid FROM pg_index WHERE indexrelid = 't_id_idx'::regclass")).isEqualTo(true);
    }

    @Test
    void theLongTimeoutBindsARawIndexBuildToo(TestDatabase db, @TempDir Path dir) throws IOException {
        db.execute("CREATE TABLE t (id int)");
        ApplyFixture f = file(db, dir, "V1__index.sql", """
                -- zanith:transaction=none
                CREATE INDEX CONCURRENTLY t_id_idx ON t (id);
                SELECT pg_sleep(1.5);
                """);

        ApplyFixture.Recorder r = f.apply(f.config().statementTimeout(Duration.ofMinutes(10))
                .longStatementTimeout(Duration.ofMillis(400)).build(), ApplyGuard.ALLOW_ALL, StepHook.NONE);

        assertThat(r.result.succeeded()).isFalse();
        assertThat(r.result.failedStep().orElseThrow().sqlState()).isEqualTo("57014");
    }

    /** The socket timeout bounds Zanith's own catalog and audit work, never a step: a raw step and a backfill batch. */
    @Test
    void aStepRunsLongerThanTheSocketTimeoutOfZanithsOwnWork(TestDatabase db, @TempDir Path dir) throws IOException {
        db.execute("CREATE TABLE items (id int PRIMARY KEY, score int NOT NULL DEFAULT 0);"
                + "INSERT INTO items VALUES (1);");
        ApplyFixture f = file(db, dir, "V1__slow.sql", "SELECT pg_sleep(2);\n");
        Files.writeString(dir.resolve("V2__bump.yaml"), """
                id: V2__bump
                operations:
                  - backfill: {table: public.items, set: {score: "score + 1 + 0 * length(pg_sleep(2)::text)"}}
                """);
        String url = db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "socketTimeout=1";

        ApplyFixture.Recorder r = f.apply(f.config().url(url).build(), ApplyGuard.ALLOW_ALL, StepHook.NONE);

        assertThat(r.result.succeeded()).as(String.valueOf(r.result.failedStep())).isTrue();
        assertThat(f.value("SELECT score FROM items")).isEqualTo(1);
    }
}
