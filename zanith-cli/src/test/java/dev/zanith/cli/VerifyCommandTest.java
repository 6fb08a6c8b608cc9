package dev.zanith.cli;

import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@RealPostgres
class VerifyCommandTest {

    @TempDir
    Path dir;

    private CliRunner.Result verify(TestDatabase db, String... extra) {
        String[] base = {"verify", "--url", db.jdbcUrl(), "--migrations", dir.resolve("migrations").toString(), "--shadow", "database"};
        String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRunner.run(args);
    }

    private void migration(String id, String operations) throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve(id + ".yaml"), "id: " + id + "\noperations:\n" + operations);
    }

    @Test
    void verifiedInEveryFormat(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE users (id bigint PRIMARY KEY, n integer)");
        migration("20260101000000_widen", "  - alterColumnType: {table: users, column: n, type: bigint}\n");
        CliRunner.Result text = verify(db);
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("✓ 20260101000000_widen #01 alterColumnType")
                .contains("observed:  ACCESS EXCLUSIVE on public.users · rewrites public.users")
                .contains("VERIFIED · 1 step rehearsed, result matches");
        CliRunner.Result json = verify(db, "--format", "json");
        assertThat(json.out()).contains("\"formatVersion\" : 1").contains("\"verdict\" : \"VERIFIED\"")
                .contains("\"public.users\" : \"ACCESS EXCLUSIVE\"").contains("\"rewrittenTables\" : [ \"public.users\" ]");
        assertThat(verify(db, "--format", "markdown").out()).contains("### ✅ zanith verify: **VERIFIED**")
                .contains("| `20260101000000_widen` | 1 | alter column public.users.n type bigint | ACCESS EXCLUSIVE on public.users / yes "
                        + "| ACCESS EXCLUSIVE on public.users / yes |");
        assertThat(verify(db, "--format", "junit").out()).startsWith("<?xml").contains("<testsuite name=\"zanith verify\" tests=\"2\" failures=\"0\" errors=\"0\"");
    }

    @Test
    void driftFailedAndNothingPendingHaveTheirOwnExitCodes(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE users (id bigint PRIMARY KEY, n integer)");
        assertThat(verify(db).exitCode()).as("no migrations directory is an error").isEqualTo(ExitCodes.ERROR);
        Files.createDirectories(dir.resolve("migrations"));
        assertThat(verify(db).exitCode()).isEqualTo(6);
        migration("20260101000000_a", "  - addColumn: {table: users, column: {name: a, type: text}}\n");
        Path declared = dir.resolve("schema.sql");
        Files.writeString(declared, "CREATE TABLE users (id bigint PRIMARY KEY, n integer, b text);");
        CliRunner.Result drift = verify(db, "--declared", declared.toString());
        assertThat(drift.exitCode()).isEqualTo(4);
        assertThat(drift.out()).contains("drift: public.users.b: expected but missing (column)")
                .contains("drift: public.users.a: present but not expected (column)").contains("DRIFT · 2 differences");
        assertThat(verify(db, "--declared", declared.toString(), "--format", "junit").out()).contains("failures=\"1\"");
        migration("20260102000000_b", "  - addColumn: {table: nowhere, column: {name: a, type: text}}\n");
        CliRunner.Result failed = verify(db);
        assertThat(failed.exitCode()).isEqualTo(5);
        assertThat(failed.out()).contains("✗ 20260102000000_b #01").contains("relation \"public.nowhere\" does not exist [42P01]")
                .contains("FAILED · step 1 of 20260102000000_b fails on the shadow");
    }
}
