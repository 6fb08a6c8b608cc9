package dev.zanith.cli;

import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** apply, status, history, snapshot and repair on the command line (in-process, no terminal). */
@RealPostgres
class AuditCommandsTest {

    @TempDir
    Path dir;

    private Path migrations;

    private void migration(String id, String operations) throws IOException {
        migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve(id + ".yaml"), "id: " + id + "\noperations:\n" + operations.stripIndent());
    }

    private CliRunner.Result run(TestDatabase db, String verb, String... extra) {
        List<String> args = new ArrayList<>(List.of(verb.split(" ")));
        args.addAll(List.of("--url", db.jdbcUrl()));
        args.addAll(List.of(extra));
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void applyPrintsEachStepThenStatusHistoryAndSnapshotsTellTheStory(TestDatabase db) throws Exception {
        db.execute("""
                CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, legacy text, score int NOT NULL DEFAULT 0);
                INSERT INTO users (id, email, legacy) SELECT g, 'u' || g || '@x', 'l' FROM generate_series(1, 30) g;
                """);
        migration("20260101000000_four_steps", """
                  - addColumn:
                      table: public.users
                      column: {name: last_login, type: timestamptz}
                  - addIndex:
                      table: public.users
                      index: {name: users_email_idx, keys: [email]}
                      concurrently: true
                  - softDropColumn:
                      table: public.users
                      column: legacy
                  - backfill:
                      table: public.users
                      set: {score: score + 1}
                """);
        migration("20260102000000_broken", """
                  - addColumn:
                      table: public.users
                      column: {name: nickname, type: text}
                  - rawSql:
                      sql: SELECT 1 / (SELECT count(*) - 30 FROM users)
                """);

        CliRunner.Result apply = run(db, "apply", "--migrations", migrations.toString(), "--max-risk", "80", "--allow-destructive",
                "--lock-timeout", "500ms", "--backfill-batch-size", "7");
        assertThat(apply.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(apply.out()).contains("20260101000000_four_steps (4 steps)")
                .containsPattern("✓ 01 addColumn +safe +5 +add column public.users.last_login")
                .contains("✓ 02 addIndex").contains("✓ 03 softDropColumn").contains("✓ 04 backfill")
                .contains("snapshot: 1 model · 4 fields (before: 1 model · 4 fields)")
                .contains("20260102000000_broken (2 steps)").contains("✓ 01 addColumn").contains("✗ 02 rawSql");
        assertThat(apply.err()).contains("apply stopped: 20260102000000_broken step 2 (rawSql) failed [22012]")
                .contains("20260102000000_broken.yaml step 2 (rawSql), line 1 of its sql: division by zero")
                .contains("in the statement starting at line 1: SELECT 1 / (SELECT count(*) - 30 FROM users)")
                .contains("Fix the cause and run apply again");

        CliRunner.Result status = run(db, "status", "--migrations", migrations.toString());
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).contains("public._zanith_* on jdbc:postgresql://")
                .contains("applied: 1 migration (last: 20260101000000_four_steps")
                .contains("pending: 1 migration").contains("failed: 20260102000000_broken (1 of 2 steps done): step 2 (rawSql) [22012]")
                .contains("lock: free");

        CliRunner.Result history = run(db, "history", "--verbose");
        assertThat(history.out()).contains("20260101000000_four_steps  applied ")
                .contains("20260102000000_broken  failed").containsPattern("✓ 04 backfill +done")
                .containsPattern("✗ 02 rawSql +failed").contains("[22012] ").contains("line 1 of its sql: division by zero");
        CliRunner.Result historyJson = run(db, "history", "--format", "json");
        assertThat(historyJson.out()).contains("\"id\" : \"20260101000000_four_steps\"").contains("\"status\" : \"applied\"")
                .contains("\"status\" : \"failed\"").contains("\"operationKind\" : \"backfill\"");

        db.execute("INSERT INTO users (id, email) VALUES (31, 'late@x')");
        CliRunner.Result resumed = run(db, "apply", "--migrations", migrations.toString(), "--allow-destructive");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("20260102000000_broken (2 steps, resuming: 1 done earlier)")
                .containsPattern("↻ 01 addColumn .* done earlier").contains("✓ 02 rawSql")
                .contains("snapshot: 1 model · 5 fields").contains("Applied 1 migration.");
        assertThat(run(db, "apply", "--migrations", migrations.toString(), "--allow-destructive").out())
                .contains("Nothing to apply: every migration has been applied.");

        CliRunner.Result list = run(db, "snapshot list");
        assertThat(list.out()).containsPattern("1 +20260101000000_four_steps +before +1 +4")
                .containsPattern("3 +20260102000000_broken +before +1 +4").containsPattern("4 +20260102000000_broken +after +1 +5");
        CliRunner.Result show = run(db, "snapshot show", "20260101000000_four_steps:after");
        assertThat(show.out()).contains("snapshot 2  20260101000000_four_steps:after").contains("public.users");
        assertThat(run(db, "snapshot show", "2", "--format", "json").out()).contains("\"format\" : \"zanith.schema-graph/1\"")
                .contains("last_login");
        CliRunner.Result diff = run(db, "snapshot diff", "1", "20260102000000_broken");
        assertThat(diff.exitCode()).as(diff.err()).isZero();
        assertThat(diff.out()).contains("~ model public.users").contains("+ last_login  timestamp with time zone")
                .contains("+ nickname  text").contains("- legacy  text").contains("~ index users_email_idx: added (email)");
        assertThat(run(db, "snapshot diff", "1", "2", "--format", "json").out()).contains("\"change\" : \"removed\"");
        CliRunner.Result missing = run(db, "snapshot show", "99");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(missing.err()).contains("No snapshot '99'").contains("zanith snapshot list");

        Path first = migrations.resolve("20260101000000_four_steps.yaml");
        Files.writeString(first, "# reviewed\n" + Files.readString(first));
        CliRunner.Result refused = run(db, "apply", "--migrations", migrations.toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(refused.err()).contains("was changed after it was applied")
                .contains("zanith repair --accept-checksum 20260101000000_four_steps");
        assertThat(run(db, "status", "--migrations", migrations.toString()).out())
                .contains("changed after apply: 20260101000000_four_steps");
        CliRunner.Result repair = run(db, "repair", "--migrations", migrations.toString(), "--accept-checksum",
                "20260101000000_four_steps");
        assertThat(repair.exitCode()).as(repair.err()).isZero();
        assertThat(repair.out()).contains("Accepted ").contains("recorded in the ledger's repairs column");
        assertThat(run(db, "history", "--verbose").out()).contains("checksum accepted ");
        assertThat(run(db, "apply", "--migrations", migrations.toString()).exitCode()).isZero();
    }

    @Test
    void aBusyLockIsReportedWithItsHolderAndBadDurationsAreUsageErrors(TestDatabase db) throws Exception {
        migration("20260101000000_t", """
                  - rawSql:
                      sql: CREATE TABLE t (id int)
                """);
        long key = new dev.zanith.internal.audit.AuditTables("public", "_zanith_").lockKey("apply");
        try (java.sql.Connection holder = db.connect(); java.sql.Statement s = holder.createStatement()) {
            s.execute("SET application_name = 'release-42'");
            s.execute("SELECT pg_advisory_lock(" + key + ")");
            CliRunner.Result busy = run(db, "apply", "--migrations", migrations.toString(), "--lock-wait", "0");
            assertThat(busy.exitCode()).isEqualTo(ExitCodes.ERROR);
            assertThat(busy.out()).contains("waiting up to 0 ms for the apply lock held by pid");
            assertThat(busy.err()).contains("Another Zanith apply, repair or restore is running").contains("(release-42");
            assertThat(run(db, "status").out()).contains("lock: held by pid").contains("(release-42");
            assertThat(run(db, "status", "--format", "json").out()).contains("\"applicationName\" : \"release-42\"");
        }
        CliRunner.Result bad = run(db, "apply", "--migrations", migrations.toString(), "--lock-wait", "soon");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("'soon' is not a duration");
    }
}
