package dev.zanith.internal.apply;

import dev.zanith.api.output.ApplyResult;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.testsupport.PostgresExtension;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How a .sql migration runs on a real server: all of it or none of it, the three inputs, COPY FROM
 * stdin, failures located at the failing statement's line, and the statement-checkpointed opt-out.
 */
@ExtendWith(PostgresExtension.class)
class SqlFileApplyTest {

    private static ApplyFixture sql(TestDatabase db, Path dir, String file, String text) {
        try {
            Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ApplyFixture(db, dir);
    }

    private static boolean tableExists(ApplyFixture f, String name) {
        return f.value("SELECT to_regclass('" + name + "') IS NOT NULL").equals(true);
    }

    @Test
    void copyFromStdinLoadsItsRowsInTheFilesTransaction(TestDatabase db, @TempDir Path dir) {
        ApplyFixture f = sql(db, dir, "V1__currency.sql", """
                CREATE TABLE currency (id integer PRIMARY KEY, code text);
                COPY currency (id, code) FROM stdin;
                1\tEUR
                2\tJPY
                3\ta;b\\\\c
                \\.
                """);
        ApplyFixture.Recorder r = f.apply();
        assertThat(r.result.succeeded()).as(String.valueOf(r.result.failedStep())).isTrue();
        assertThat(f.rows("SELECT id, code FROM currency ORDER BY id")).containsExactly(
                Map.of("id", 1, "code", "EUR"), Map.of("id", 2, "code", "JPY"), Map.of("id", 3, "code", "a;b\\c"));
        // the audit row keeps the data, as the file has it
        assertThat((String) f.value("SELECT sql FROM _zanith_migration_steps")).contains("2\tJPY\n3\ta;b\\\\c\n\\.");
    }

    @Test
    void aFailureAfterCopyLeavesNothingBehind(TestDatabase db, @TempDir Path dir) {
        ApplyFixture f = sql(db, dir, "V1__currency.sql", """
                CREATE TABLE currency (id integer PRIMARY KEY, code text);
                COPY currency (id, code) FROM stdin;
                1\tEUR
                \\.
                ALTER TABLE currency ADD COLUMN x int NOT NULL DEFAULT nosuchfunction();
                """);
        ApplyFixture.Recorder r = f.apply();
        assertThat(r.result.succeeded()).isFalse();
        assertThat(tableExists(f, "currency")).isFalse();
        assertThat(r.result.failedStep().orElseThrow().error()).startsWith(dir.resolve("V1__currency.sql") + ":5:");
    }

    @Test
    void aStrayEndAfterADoBlockIsRefusedAtLoadWithItsLineAndTheFixedFileInsertsOnce(TestDatabase db,
                                                                                      @TempDir Path dir) {
        db.execute("CREATE TABLE test (txt text)");
        ApplyFixture f = sql(db, dir, "V1__do.sql",
                "DO $$ BEGIN INSERT INTO test (txt) VALUES ('abc'); END; $$;\nEND; $$;\n");
        assertThatThrownBy(f::apply).isInstanceOf(ZanithException.class)
                .hasMessageStartingWith(dir.resolve("V1__do.sql") + ":2: END would end or restart the transaction");
        assertThat(f.value("SELECT count(*) FROM test")).isEqualTo(0L);
        assertThat(tableExists(f, "_zanith_migration_steps")).isFalse();
        sql(db, dir, "V1__do.sql", "DO $$ BEGIN INSERT INTO test (txt) VALUES ('abc'); END; $$;\n");
        assertThat(f.apply().result.succeeded()).isTrue();
        assertThat(f.apply().result.appliedCount()).isZero();
        assertThat(f.value("SELECT count(*) FROM test")).isEqualTo(1L);
    }

    @Test
    void commitBeforeTheEndIsRefusedAndAFileThatIsOneBeginCommitBlockIsThatTransaction(TestDatabase db,
                                                                                       @TempDir Path dir) {
        ApplyFixture f = sql(db, dir, "V1__b.sql", """
                BEGIN;
                CREATE TABLE b (a int);
                INSERT INTO b VALUES (1);
                COMMIT;
                ALTER TABLE b ADD COLUMN c int NOT NULL;
                """);
        assertThatThrownBy(f::apply).isInstanceOf(ZanithException.class)
                .hasMessageStartingWith(dir.resolve("V1__b.sql") + ":4: COMMIT ends the file's transaction before its last statement");
        assertThat(tableExists(f, "b")).isFalse();
        // one BEGIN ... COMMIT block around everything: that block is the migration's transaction
        sql(db, dir, "V1__b.sql", """
                BEGIN;
                CREATE TABLE b (a int);
                INSERT INTO b VALUES (1);
                ALTER TABLE b ADD COLUMN c int NOT NULL;
                COMMIT;
                """);
        ApplyFixture.Recorder failed = f.apply();
        assertThat(failed.result.succeeded()).isFalse();
        assertThat(failed.result.failedStep().orElseThrow().error())
                .startsWith(dir.resolve("V1__b.sql") + ":4:")
                .contains("[SQLSTATE 23502]")
                .contains("in the statement starting at line 4: ALTER TABLE b ADD COLUMN c int NOT NULL");
        assertThat(tableExists(f, "b")).isFalse();
        sql(db, dir, "V1__b.sql", """
                BEGIN;
                CREATE TABLE b (a int);
                INSERT INTO b VALUES (1);
                ALTER TABLE b ADD COLUMN c int NOT NULL DEFAULT 0;
                COMMIT;
                """);
        assertThat(f.apply().result.succeeded()).isTrue();
        assertThat(f.rows("SELECT a, c FROM b")).containsExactly(Map.of("a", 1, "c", 0));
    }

    @Test
    void planRefusesWhatApplyRefuses(TestDatabase db, @TempDir Path dir) {
        ApplyFixture f = sql(db, dir, "V1__idx.sql", "CREATE TABLE t (a int);\nCREATE INDEX CONCURRENTLY t_a ON t (a);\n");
        assertThatThrownBy(() -> new dev.zanith.Zanith(f.config().build()).plan()).isInstanceOf(ZanithException.class)
                .hasMessageContaining("V1__idx.sql:2: CREATE INDEX CONCURRENTLY cannot run inside a transaction block")
                .hasMessageContaining("-- zanith:transaction=none");
    }

    @Test
    void aProcedureThatCommitsCannotEndTheFilesTransaction(TestDatabase db, @TempDir Path dir) {
        db.execute("CREATE TABLE log (a int); CREATE PROCEDURE p() LANGUAGE plpgsql AS $$ BEGIN "
                + "INSERT INTO log VALUES (1); COMMIT; END $$");
        ApplyFixture f = sql(db, dir, "V1__call.sql", "INSERT INTO log VALUES (0);\nCALL p();\n");
        ApplyFixture.Recorder r = f.apply();
        assertThat(r.result.succeeded()).isFalse();
        assertThat(r.result.failedStep().orElseThrow().sqlState()).isEqualTo("2D000"); // invalid transaction termination
        assertThat(r.result.failedStep().orElseThrow().error()).startsWith(dir.resolve("V1__call.sql") + ":2:");
        assertThat(f.value("SELECT count(*) FROM log")).isEqualTo(0L);
    }

    @Test
    void anOptedOutFileRunsStatementByStatementAndResumesAtTheFailedOne(TestDatabase db, @TempDir Path dir) {
        db.execute("CREATE TABLE users (id int PRIMARY KEY, score int); INSERT INTO users SELECT g, 0 FROM "
                + "generate_series(1, 50) g");
        ApplyFixture f = sql(db, dir, "V1__idx.sql", """
                -- zanith:transaction=none
                CREATE INDEX CONCURRENTLY IF NOT EXISTS a_idx ON users (score);
                UPDATE users SET score = score + 1;
                CREATE INDEX CONCURRENTLY b_idx ON users (nosuchcolumn);
                """);
        ApplyFixture.Recorder failed = f.apply();
        assertThat(failed.result.succeeded()).isFalse();
        assertThat(failed.result.failedStep().orElseThrow().error()).startsWith(dir.resolve("V1__idx.sql") + ":4:");
        assertThat(f.rows("SELECT \"cursor\"->>'statement' AS n, processed_rows, total_rows, status "
                + "FROM _zanith_migration_checkpoints")).containsExactly(
                Map.of("n", "2", "processed_rows", 2L, "total_rows", 3L, "status", "failed"));
        sql(db, dir, "V1__idx.sql", """
                -- zanith:transaction=none
                CREATE INDEX CONCURRENTLY IF NOT EXISTS a_idx ON users (score);
                UPDATE users SET score = score + 1;
                CREATE INDEX CONCURRENTLY b_idx ON users (id, score);
                """);
        assertThat(f.apply().result.succeeded()).isTrue();
        assertThat(f.value("SELECT sum(score) FROM users")).isEqualTo(50L); // the UPDATE ran once
        assertThat(f.value("SELECT count(*) FROM pg_index WHERE indisvalid AND indexrelid::regclass::text "
                + "IN ('a_idx', 'b_idx')")).isEqualTo(2L);
        assertThat(f.value("SELECT status FROM _zanith_migration_checkpoints")).isEqualTo("done");
    }

    @Test
    void editingStatementsThatAlreadyRanIsRefused(TestDatabase db, @TempDir Path dir) {
        db.execute("CREATE TABLE users (id int PRIMARY KEY, score int)");
        ApplyFixture f = sql(db, dir, "V1__x.sql",
                "-- zanith:transaction=none\nUPDATE users SET score = 1;\nSELECT nosuch;\n");
        assertThat(f.apply().result.succeeded()).isFalse();
        sql(db, dir, "V1__x.sql", "-- zanith:transaction=none\nUPDATE users SET score = 2;\nSELECT 1;\n");
        ApplyFixture.Recorder r = f.apply();
        assertThat(r.result.succeeded()).isFalse();
        assertThat(r.result.failedStep().orElseThrow().error()).contains("the first 1 statement(s) of this file already ran");
        // dropping the directive would run the statement that ran a second time
        sql(db, dir, "V1__x.sql", "UPDATE users SET score = 1;\nSELECT 1;\n");
        assertThat(f.apply().result.failedStep().orElseThrow().error())
                .contains("1 statement(s) of this file already ran one by one");
    }

    @Test
    void anInvalidIndexLeftByAnInterruptedBuildIsDroppedAndBuiltAgainOnResume(TestDatabase db, @TempDir Path dir)
            throws Exception {
        db.execute("CREATE TABLE users (id int PRIMARY KEY, score int); INSERT INTO users VALUES (1, 1), (2, 1)");
        ApplyFixture f = sql(db, dir, "V1__idx.sql", """
                -- zanith:transaction=none
                UPDATE users SET score = score + 1;
                CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "Score_Idx" ON public.users (score);
                """);
        // the first run dies building the unique index (duplicate scores), leaving it INVALID; IF NOT EXISTS would
        // skip an INVALID index, so the resume must drop it first
        assertThat(f.apply().result.succeeded()).isFalse();
        assertThat(f.value("SELECT indisvalid FROM pg_index WHERE indexrelid = '\"Score_Idx\"'::regclass")).isEqualTo(false);
        db.execute("UPDATE users SET score = id + 10");
        assertThat(f.apply().result.succeeded()).isTrue();
        assertThat(f.value("SELECT indisvalid FROM pg_index WHERE indexrelid = '\"Score_Idx\"'::regclass")).isEqualTo(true);
        assertThat(f.value("SELECT sum(score) FROM users")).isEqualTo(23L); // the UPDATE did not run again
    }

    @Test
    void metaCommandsAndMisplacedOrUnknownDirectivesAreRefusedAtLoad(TestDatabase db, @TempDir Path dir) {
        ApplyFixture f = sql(db, dir, "V1__m.sql", "CREATE TABLE t (a int);\n\\set x 1\n");
        assertThatThrownBy(f::apply).hasMessageStartingWith(dir.resolve("V1__m.sql") + ":2: psql meta-command \\set");
        sql(db, dir, "V1__m.sql", "CREATE TABLE t (a int);\n-- zanith:transaction=none\n");
        assertThatThrownBy(f::apply).hasMessageStartingWith(dir.resolve("V1__m.sql") + ":2: the directive");
        sql(db, dir, "V1__m.sql", "-- zanith:transaction=maybe\nCREATE TABLE t (a int);\n");
        assertThatThrownBy(f::apply).hasMessageStartingWith(dir.resolve("V1__m.sql") + ":1: unknown directive");
        sql(db, dir, "V1__m.sql", "-- zanith:transaction=none\nBEGIN;\nCREATE TABLE t (a int);\nCOMMIT;\n");
        assertThatThrownBy(f::apply).hasMessageStartingWith(dir.resolve("V1__m.sql") + ":2: BEGIN is transaction control");
        assertThat(tableExists(f, "t")).isFalse();
    }

    @Test
    void nonUtf8FilesAreRefusedWithTheByteOffsetAndABomIsAccepted(TestDatabase db, @TempDir Path dir) throws Exception {
        Files.write(dir.resolve("V1__latin.sql"), "CREATE TABLE caf\u00e9 (a int);".getBytes(StandardCharsets.ISO_8859_1));
        ApplyFixture f = new ApplyFixture(db, dir);
        assertThatThrownBy(f::apply).hasMessageStartingWith(dir.resolve("V1__latin.sql")
                + ":1: not valid UTF-8: byte 16 (0xE9)");
        Files.write(dir.resolve("V1__latin.sql"), "\uFEFFCREATE TABLE caf\u00e9 (a int);\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(f.apply().result.succeeded()).isTrue();
        assertThat(tableExists(f, "\"café\"")).isTrue();
    }

    @Test
    void aConnectionKilledInsideAnOptedOutFileResumesAtTheStatementThatDidNotCompleteAndNothingRunsTwice(
            TestDatabase db, @TempDir Path dir) throws Exception {
        // slow(): an index expression that takes 20 ms a row, so the b_idx build lasts long enough to be killed
        db.execute("CREATE TABLE users (id int PRIMARY KEY, score int); INSERT INTO users SELECT g, 0 FROM "
                + "generate_series(1, 100) g; CREATE FUNCTION slow(n int) RETURNS int IMMUTABLE LANGUAGE plpgsql "
                + "AS $$ BEGIN PERFORM pg_sleep(0.02); RETURN n; END $$");
        ApplyFixture f = sql(db, dir, "V1__idx.sql", """
                -- zanith:transaction=none
                CREATE INDEX CONCURRENTLY IF NOT EXISTS a_idx ON users (score);
                UPDATE users SET score = score + 1;
                CREATE INDEX CONCURRENTLY IF NOT EXISTS b_idx ON users (slow(id));
                """);
        java.util.concurrent.CompletableFuture<Object> first = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return f.apply().result;
            } catch (RuntimeException e) {
                return e;
            }
        });
        long deadline = System.currentTimeMillis() + 30_000;
        Object pid = null;
        while (pid == null && System.currentTimeMillis() < deadline) {
            pid = f.value("SELECT pid FROM pg_stat_activity WHERE query LIKE 'CREATE INDEX CONCURRENTLY IF NOT EXISTS "
                    + "b_idx%' AND state = 'active'");
            Thread.sleep(20);
        }
        assertThat(pid).as("the apply reached the b_idx build").isNotNull();
        f.value("SELECT pg_terminate_backend(" + pid + ")");
        Object outcome = first.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(outcome instanceof ApplyResult r && r.succeeded()).as(String.valueOf(outcome)).isFalse();
        assertThat(f.value("SELECT sum(score) FROM users")).isEqualTo(100L);
        assertThat(f.value("SELECT processed_rows FROM _zanith_migration_checkpoints")).isEqualTo(2L);
        assertThat(f.value("SELECT indisvalid FROM pg_index WHERE indexrelid = 'b_idx'::regclass")).isEqualTo(false);

        ApplyFixture.Recorder second = f.apply();
        assertThat(second.result.succeeded()).as(String.valueOf(second.result.failedStep())).isTrue();
        assertThat(f.value("SELECT sum(score) FROM users")).isEqualTo(100L); // the UPDATE ran exactly once
        assertThat(f.value("SELECT count(*) FROM pg_index WHERE indisvalid AND indexrelid::regclass::text "
                + "IN ('a_idx', 'b_idx')")).isEqualTo(2L);
        assertThat(f.value("SELECT count(*) FROM _zanith_migrations")).isEqualTo(1L);
    }
}
