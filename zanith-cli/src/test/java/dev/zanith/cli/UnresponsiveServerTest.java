package dev.zanith.cli;

import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: a server that accepts the connection, lets it log in and then never answers does not hang any command
 * that connects. Every such command, pointed at {@link SilentAfterLogin} with a 1 s socket timeout, ends within
 * seconds with exit code 1 (DESIGN.md: an error) and one line that says the server stopped answering, no stack
 * trace.
 */
@RealPostgres
class UnresponsiveServerTest {

    @TempDir
    Path dir;

    @Test
    void everyCommandThatConnectsGivesUpWithOneClearLine(TestDatabase db) throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        db.execute("CREATE TABLE notes (id int PRIMARY KEY, body text); INSERT INTO notes VALUES (1, 'a');"
                + "CREATE TABLE gone (id int PRIMARY KEY);");
        Files.writeString(migrations.resolve("20260101000000_park.yaml"), """
                id: 20260101000000_park
                operations:
                  - softDropColumn: {table: public.notes, column: body}
                  - softDropTable: {table: public.gone}
                """);
        CliRunner.Result applied = CliRunner.run("apply", "--url", db.jdbcUrl(), "--migrations", migrations.toString(),
                "--allow-destructive");
        assertThat(applied.exitCode()).as(applied.err()).isZero();
        Files.writeString(migrations.resolve("20260102000000_more.yaml"), """
                id: 20260102000000_more
                operations:
                  - addColumn: {table: public.notes, column: {name: extra, type: text}}
                """);
        Path declared = Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE notes (id int PRIMARY KEY);\n");
        String artifact;
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT id FROM _zanith_migration_artifacts ORDER BY id LIMIT 1")) {
            assertThat(rs.next()).isTrue();
            artifact = rs.getString(1);
        }

        try (SilentAfterLogin silent = new SilentAfterLogin(db.jdbcUrl(), 2)) {
            String url = silent.url(db.jdbcUrl(), 1);
            String m = migrations.toString();
            Map<String, String[]> commands = new LinkedHashMap<>();
            commands.put("inspect", new String[] {"inspect", "--url", url});
            commands.put("diff", new String[] {"diff", "--from", url, "--to", url});
            commands.put("generate", new String[] {"generate", "--url", url, "--declared", declared.toString(),
                    "--migrations", m, "--shadow", "database"});
            commands.put("plan", new String[] {"plan", "--url", url, "--migrations", m});
            commands.put("apply", new String[] {"apply", "--url", url, "--migrations", m});
            commands.put("verify", new String[] {"verify", "--url", url, "--migrations", m, "--shadow", "database"});
            commands.put("status", new String[] {"status", "--url", url, "--migrations", m});
            commands.put("history", new String[] {"history", "--url", url});
            commands.put("snapshot list", new String[] {"snapshot", "list", "--url", url});
            commands.put("snapshot show", new String[] {"snapshot", "show", "1", "--url", url});
            commands.put("snapshot diff", new String[] {"snapshot", "diff", "1", "2", "--url", url});
            commands.put("recover list", new String[] {"recover", "list", "--url", url});
            commands.put("recover inspect", new String[] {"recover", "inspect", artifact, "--url", url});
            commands.put("recover restore-column", new String[] {"recover", "restore-column", "public.notes.body",
                    "--url", url});
            commands.put("recover restore-table", new String[] {"recover", "restore-table", "public.gone", "--url", url});
            commands.put("recover export", new String[] {"recover", "export", artifact, "--format", "csv", "--out",
                    dir.resolve("export.csv").toString(), "--url", url});
            commands.put("recover purge", new String[] {"recover", "purge", artifact, "--yes", "--url", url});
            commands.put("recover cleanup", new String[] {"recover", "cleanup", "--url", url});
            commands.put("repair", new String[] {"repair", "--url", url, "--migrations", m, "--accept-checksum",
                    "20260101000000_park"});

            List<String> problems = new ArrayList<>();
            for (Map.Entry<String, String[]> command : commands.entrySet()) {
                problems.addAll(problems(command.getKey(), command.getValue()));
            }
            assertThat(problems).isEmpty();
        }
        try (SilentAfterLogin silent = new SilentAfterLogin(db.jdbcUrl(), 1)) {
            // silent right after the login, inside the driver's own connection set-up
            String url = silent.url(db.jdbcUrl(), 1);
            assertThat(problems("inspect", "inspect", "--url", url)).isEmpty();
            assertThat(problems("apply", "apply", "--url", url, "--migrations", migrations.toString())).isEmpty();
        }
        // nothing was changed through the silent server
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT (SELECT count(*) FROM _zanith_migrations), (SELECT count(*) FROM _zanith_migration_artifacts)")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1);
            assertThat(rs.getLong(2)).isEqualTo(2);
        }
    }

    /** What is wrong with how {@code args} ended against the silent server; empty when it ended as it must. */
    private static List<String> problems(String name, String... args) {
        List<String> problems = new ArrayList<>();
                long start = System.nanoTime();
                CliRunner.Result r = CliRunner.run(args);
                long seconds = (System.nanoTime() - start) / 1_000_000_000;
                String err = r.err();
                if (r.exitCode() != ExitCodes.ERROR || !err.startsWith("error: ") || err.strip().lines().count() != 1
                        || !err.contains("the server stopped answering") || err.contains("\tat ")
                        || err.contains("Exception") || seconds >= 15) {
                    problems.add(name + " -> exit " + r.exitCode() + " after " + seconds + " s: " + err);
                }
        return problems;
    }
}
