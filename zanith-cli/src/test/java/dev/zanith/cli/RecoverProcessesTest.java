package dev.zanith.cli;

import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restore killed with SIGKILL in the middle of refilling 1,000,000 values leaves nothing half-done: the column is
 * still archived, the artifact still live, no restore in the history; running it again restores every value.
 */
@RealPostgres
class RecoverProcessesTest {

    private static final int ROWS = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void aRestoreKilledMidWayChangesNothingAndRunsAgain(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE big (id bigint PRIMARY KEY, v text, n int);"
                + "INSERT INTO big SELECT g, CASE WHEN g % 10 = 0 THEN NULL ELSE 'v' || g END, g FROM generate_series(1, "
                + ROWS + ") g;");
        String before = value(db, "SELECT md5(string_agg(id || ':' || coalesce(v, '-'), ',' ORDER BY id)) FROM big");
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("20260101000000_archive_v.yaml"), """
                id: 20260101000000_archive_v
                operations:
                  - archiveColumn:
                      table: public.big
                      column: v
                      primaryKey: [id]
                """);
        CliRunner.Result apply = CliRunner.run("apply", "--url", db.jdbcUrl(), "--migrations", migrations.toString());
        assertThat(apply.exitCode()).as(apply.err()).isZero();

        Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), ZanithCli.class.getName(), "recover", "restore-column",
                "big.v", "--url", db.jdbcUrl())
                .redirectOutput(dir.resolve("child.out").toFile()).redirectError(dir.resolve("child.err").toFile()).start();
        try (Connection c = db.connect()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (count(c, "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' "
                    + "AND query LIKE 'UPDATE public.big AS t SET v = a.v%'") == 0) {
                assertThat(child.isAlive()).as("the restore ended before it could be killed: "
                        + Files.readString(dir.resolve("child.out")) + Files.readString(dir.resolve("child.err"))).isTrue();
                assertThat(System.nanoTime()).as("the refill never started").isLessThan(deadline);
                Thread.sleep(5);
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).isEqualTo(137);
            // The server notices the client is gone once the statement ends, and rolls the transaction back.
            while (count(c, "SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'zanith%' "
                    + "AND datname = current_database()") > 0) {
                assertThat(System.nanoTime()).as("the killed restore's sessions never ended").isLessThan(deadline);
                Thread.sleep(20);
            }
            assertThat(count(c, "SELECT count(*) FROM pg_attribute WHERE attrelid = 'big'::regclass AND attname = 'v' "
                    + "AND NOT attisdropped")).isZero();
            assertThat(value(db, "SELECT status FROM _zanith_migration_artifacts")).isEqualTo("live");
            assertThat(count(c, "SELECT count(*) FROM _zanith_migrations WHERE id LIKE 'recover:%'")).isZero();
            assertThat(count(c, "SELECT count(*) FROM " + value(db, "SELECT physical_name FROM _zanith_migration_artifacts")))
                    .isEqualTo(ROWS);
        }

        CliRunner.Result again = CliRunner.run("recover", "restore-column", "big.v", "--url", db.jdbcUrl());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("1,000,000 rows refilled from the archive");
        assertThat(value(db, "SELECT md5(string_agg(id || ':' || coalesce(v, '-'), ',' ORDER BY id)) FROM big"))
                .isEqualTo(before);
        assertThat(value(db, "SELECT status FROM _zanith_migration_artifacts")).isEqualTo("restored");
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String value(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
