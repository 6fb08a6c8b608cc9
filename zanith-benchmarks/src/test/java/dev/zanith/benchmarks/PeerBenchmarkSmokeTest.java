package dev.zanith.benchmarks;

import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code zanith-bench peers} at a tiny size, on the test server: the apply row (Zanith and Flyway on copies of a
 * generated schema, the same SQL files) and the backfill row (YAML backfill and one UPDATE) run to the end and
 * print their rows, and so do the Spring Boot start rows (each start a child JVM of {@link SpringStartApp}, which
 * exits non-zero when its application fails to start). No timing is asserted; the CLI process rows need the built
 * CLI and are left to bin/zanith-bench.
 */
@RealPostgres
class PeerBenchmarkSmokeTest {

    @Test
    void applyAndBackfillRowsRunToTheEndAtTinySize(TestDatabase db) {
        String out = peers(db, "--only", "apply,backfill", "--backfill-rows", "300");
        assertThat(out).contains("| applying 4 small SQL migrations on the 5-model schema |", "Flyway ",
                "| backfill of 300 rows (YAML `backfill`) |", "one UPDATE ");
    }

    @Test
    void springBootStartRowsStartEveryVariantAtTinySize(TestDatabase db) {
        String out = peers(db, "--only", "start");
        assertThat(out).contains("| Spring Boot start applying 4 small SQL migrations on the 5-model schema",
                "| Spring Boot restart, 4 applied migrations, nothing pending", "Spring Boot's Flyway +");
    }

    /** Runs the benchmark with 5 models, 4 migrations and one round of each row, and returns what it printed. */
    private static String peers(TestDatabase db, String... rows) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            String[] args = new String[rows.length + 10];
            System.arraycopy(new String[] {"--url", db.jdbcUrl(), "--tables", "5", "--migrations", "4", "--runs", "1",
                    "--write-runs", "1"}, 0, args, 0, 10);
            System.arraycopy(rows, 0, args, 10, rows.length);
            exit = PeerBenchmark.commandLine().execute(args);
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(out).isZero();
        return out;
    }
}
