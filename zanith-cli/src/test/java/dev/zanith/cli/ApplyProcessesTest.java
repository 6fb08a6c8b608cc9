package dev.zanith.cli;

import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Apply in real, separate JVMs: a backfill killed with SIGKILL half-way resumes without losing or repeating a row,
 * and four processes starting apply at the same moment apply every step exactly once.
 */
@RealPostgres
class ApplyProcessesTest {

    private static final int ROWS = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void aBackfillKilledMidWayResumesAndUpdatesEveryRowExactlyOnce(TestDatabase db) throws Exception {
        long start = System.nanoTime();
        db.execute("CREATE TABLE big (id bigint PRIMARY KEY, n int NOT NULL DEFAULT 0);"
                + "INSERT INTO big (id) SELECT generate_series(1, " + ROWS + ");");
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("20260101000000_count.yaml"), """
                id: 20260101000000_count
                operations:
                  - backfill:
                      table: public.big
                      set: {n: n + 1}
                """);
        Process child = start("child", ZanithCli.class.getName(), "apply", "--url", db.jdbcUrl(), "--migrations",
                migrations.toString(), "--backfill-batch-size", "1000", "--allow-destructive");
        long killedAt;
        try (Connection c = db.connect()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while ((killedAt = processed(c)) < ROWS / 5) {
                assertThat(child.isAlive()).as("the child ended before it could be killed: " + output("child"))
                        .isTrue();
                assertThat(System.nanoTime()).as("no progress: " + output("child")).isLessThan(deadline);
                Thread.sleep(10);
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no clean rollback on the client side
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).isEqualTo(137);

            // What the killed run committed is consistent: every counted row updated once, no other row touched.
            long[] state = longs(c, "SELECT (SELECT processed_rows FROM _zanith_migration_checkpoints), "
                    + "(SELECT count(*) FROM big WHERE n = 1), (SELECT count(*) FROM big WHERE n > 1)");
            assertThat(state[0]).isBetween(killedAt, (long) ROWS - 1);
            assertThat(state[1]).isEqualTo(state[0]);
            assertThat(state[2]).isZero();
        }
        long killedMs = (System.nanoTime() - start) / 1_000_000;

        CliRunner.Result rerun = CliRunner.run("apply", "--url", db.jdbcUrl(), "--migrations", migrations.toString(),
                "--backfill-batch-size", "1000", "--allow-destructive");
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.out()).contains("20260101000000_count (1 step)").contains("✓ 01 backfill")
                .contains("Applied 1 migration.");
        try (Connection c = db.connect()) {
            long[] done = longs(c, "SELECT count(*), count(*) FILTER (WHERE n = 1), min(n), max(n) FROM big");
            assertThat(done).containsExactly(ROWS, ROWS, 1, 1);
            assertThat(longs(c, "SELECT processed_rows, (status = 'done')::int FROM _zanith_migration_checkpoints"))
                    .containsExactly(ROWS, 1);
            assertThat(longs(c, "SELECT attempts, (status = 'done')::int FROM _zanith_migration_steps"))
                    .containsExactly(2, 1);
        }
        System.out.printf("crash test: killed after %,d of %,d rows at %d ms, total %d ms%n", killedAt, ROWS, killedMs,
                (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void anOptedOutSqlFileKilledBetweenStatementsResumesAtTheNextOneAndRunsNothingTwice(TestDatabase db)
            throws Exception {
        int statements = 300;
        db.execute("CREATE TABLE log (k int NOT NULL)");
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        StringBuilder sql = new StringBuilder("-- zanith:transaction=none\n");
        for (int k = 1; k <= statements; k++) {
            sql.append("INSERT INTO log SELECT ").append(k).append(" FROM pg_sleep(0.01);\n"); // ~10 ms each
        }
        sql.append("CREATE INDEX CONCURRENTLY IF NOT EXISTS log_k ON log (k);\n");
        Files.writeString(migrations.resolve("20260101000000_log.sql"), sql);
        Process child = start("sqlchild", ZanithCli.class.getName(), "apply", "--url", db.jdbcUrl(), "--migrations",
                migrations.toString());
        long killedAt;
        try (Connection c = db.connect()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while ((killedAt = processed(c)) < statements / 5) {
                assertThat(child.isAlive()).as("the child ended before it could be killed: " + output("sqlchild")
                        + errors("sqlchild")).isTrue();
                assertThat(System.nanoTime()).as("no progress: " + output("sqlchild")).isLessThan(deadline);
                Thread.sleep(5);
            }
            child.destroyForcibly(); // SIGKILL between (or inside) statements
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // every checkpointed statement ran once, and no statement ran without its checkpoint
            long[] state = longs(c, "SELECT (SELECT processed_rows FROM _zanith_migration_checkpoints), "
                    + "(SELECT count(*) FROM log), (SELECT count(DISTINCT k) FROM log), (SELECT coalesce(max(k), 0) FROM log)");
            assertThat(state[0]).isBetween(killedAt, (long) statements);
            assertThat(state[1]).isEqualTo(state[0]);
            assertThat(state[2]).isEqualTo(state[0]);
            assertThat(state[3]).isEqualTo(state[0]);
        }
        CliRunner.Result rerun = CliRunner.run("apply", "--url", db.jdbcUrl(), "--migrations", migrations.toString());
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        try (Connection c = db.connect()) {
            assertThat(longs(c, "SELECT count(*), count(DISTINCT k), min(k), max(k) FROM log"))
                    .containsExactly(statements, statements, 1, statements);
            assertThat(longs(c, "SELECT processed_rows, total_rows, (status = 'done')::int FROM "
                    + "_zanith_migration_checkpoints")).containsExactly(statements + 1, statements + 1, 1);
            assertThat(longs(c, "SELECT count(*) FROM pg_index WHERE indexrelid = 'log_k'::regclass AND indisvalid"))
                    .containsExactly(1);
        }
        System.out.printf("sql crash test: killed after %d of %d statements%n", killedAt, statements);
    }

    @Test
    void fourProcessesStartingApplyTogetherApplyEachStepExactlyOnce(TestDatabase db) throws Exception {
        long begin = System.nanoTime();
        db.execute("CREATE TABLE orders (id bigint PRIMARY KEY, amount int NOT NULL);"
                + "INSERT INTO orders SELECT g, g % 100 FROM generate_series(1, 50000) g;");
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("20260101000000_bucket.yaml"), """
                id: 20260101000000_bucket
                operations:
                  - addColumn:
                      table: public.orders
                      column: {name: bucket, type: integer}
                  - backfill:
                      table: public.orders
                      set: {bucket: amount / 10}
                      batchSize: 5000
                  - rawSql:
                      sql: SELECT pg_sleep(1.5)
                  - addIndex:
                      table: public.orders
                      index: {name: orders_bucket_idx, keys: [bucket]}
                      concurrently: true
                """);
        Path go = dir.resolve("go");
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            processes.add(start("p" + i, StartTogether.class.getName(), go.toString(), "apply", "--url", db.jdbcUrl(),
                    "--migrations", migrations.toString(), "--allow-destructive"));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        for (int i = 0; i < 4; i++) {
            while (!output("p" + i).startsWith("ready")) {
                assertThat(processes.get(i).isAlive()).as(output("p" + i) + errors("p" + i)).isTrue();
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(10);
            }
        }
        long go0 = System.nanoTime();
        Files.createFile(go);
        List<String> outputs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Process p = processes.get(i);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(output("p" + i) + errors("p" + i)).isZero();
            assertThat(errors("p" + i)).doesNotContain("error:");
            outputs.add(output("p" + i));
        }
        long applyMs = (System.nanoTime() - go0) / 1_000_000;

        assertThat(outputs).filteredOn(o -> o.contains("Applied 1 migration.")).hasSize(1);
        assertThat(outputs).filteredOn(o -> o.contains("Nothing to apply")).hasSize(3);
        assertThat(outputs).filteredOn(o -> o.contains("✓")).hasSize(1);
        assertThat(outputs).filteredOn(o -> o.contains("waiting up to")).isNotEmpty();
        try (Connection c = db.connect()) {
            assertThat(longs(c, "SELECT count(*), count(*) FILTER (WHERE status = 'done' AND attempts = 1) "
                    + "FROM _zanith_migration_steps")).containsExactly(4, 4);
            assertThat(longs(c, "SELECT (SELECT count(*) FROM _zanith_migrations), (SELECT count(*) FROM _zanith_schema_snapshots), "
                    + "(SELECT count(*) FROM orders WHERE bucket = amount / 10), (SELECT processed_rows FROM _zanith_migration_checkpoints)"))
                    .containsExactly(1, 2, 50000, 50000);
            assertThat(longs(c, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")).containsExactly(0);
        }
        System.out.printf("concurrency test: 4 processes, apply phase %d ms, total %d ms%n", applyMs,
                (System.nanoTime() - begin) / 1_000_000);
    }

    private Process start(String name, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add(mainClass);
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile()).start();
    }

    private String output(String name) throws IOException {
        Path file = dir.resolve(name + ".out");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private String errors(String name) throws IOException {
        Path file = dir.resolve(name + ".err");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private static long processed(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT CASE WHEN to_regclass('public._zanith_migration_checkpoints') IS NULL THEN 0 ELSE "
                        + "(xpath('/row/p/text()', query_to_xml('SELECT max(processed_rows) AS p FROM "
                        + "public._zanith_migration_checkpoints', false, true, '')))[1]::text::bigint END")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long[] longs(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            long[] values = new long[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = rs.getLong(i + 1);
            }
            return values;
        }
    }
}
