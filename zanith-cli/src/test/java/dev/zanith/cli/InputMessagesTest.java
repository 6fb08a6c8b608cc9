package dev.zanith.cli;

import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 15 at the command line: one clear message, right exit code, nothing changed. */
@RealPostgres
class InputMessagesTest {

    @TempDir
    Path dir;

    @Test
    void anEmptyDirectoryAndAFileGivenAsTheDirectoryGetTheirOwnMessages(TestDatabase db) throws IOException {
        Path empty = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(empty.resolve(".20260101000000_hidden.yaml"), "id: 20260101000000_hidden\n");
        for (String verb : new String[] {"plan", "apply"}) {
            CliRunner.Result result = CliRunner.run(verb, "--url", db.jdbcUrl(), "--migrations", empty.toString());
            assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
            assertThat(result.out()).contains("Nothing to " + verb + ": directory " + empty + " holds no migration "
                    + "files (.yaml, .yml or .sql; hidden and editor backup files are ignored).");
        }
        Path file = Files.writeString(empty.resolve("20260101000000_x.yaml"), "id: 20260101000000_x\n");
        CliRunner.Result result = CliRunner.run("plan", "--url", db.jdbcUrl(), "--migrations", file.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).contains("Migrations directory " + file + " is a file, not a directory.")
                .doesNotContain("Exception");
    }

    @Test
    void aStatementSmuggledIntoAnExpressionIsRefusedByPlanAndApplyAndTheSentinelSurvives(TestDatabase db)
            throws IOException {
        db.execute("CREATE TABLE sentinel (id int); CREATE TABLE users (id int PRIMARY KEY, score int DEFAULT 0)");
        Path migrations = Files.createDirectories(dir.resolve("smuggled"));
        Files.writeString(migrations.resolve("20260101000000_add_nickname.yaml"), """
                id: 20260101000000_add_nickname
                operations:
                  - addColumn:
                      table: public.users
                      column: {name: nickname, type: text, defaultExpression: "'anon'; DROP TABLE sentinel; --"}
                """);
        for (String verb : new String[] {"plan", "apply"}) {
            CliRunner.Result result = CliRunner.run(verb, "--url", db.jdbcUrl(), "--migrations", migrations.toString(),
                    "--max-risk", "20");
            assertThat(result.exitCode()).as(result.out()).isEqualTo(ExitCodes.ERROR);
            assertThat(result.err()).contains("20260101000000_add_nickname.yaml:3 (operation 1): addColumn "
                    + "column.defaultExpression has a ';' outside quotes at character 7").doesNotContain("Exception");
            assertThat(db.queryForLong("SELECT count(*) FROM pg_tables WHERE tablename = 'sentinel'")).isEqualTo(1);
        }
    }
}
