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
 * print their rows. No timing is asserted; the process rows need the built CLI and are left to bin/zanith-bench.
 */
@RealPostgres
class PeerBenchmarkSmokeTest {

    @Test
    void applyAndBackfillRowsRunToTheEndAtTinySize(TestDatabase db) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = PeerBenchmark.commandLine().execute("--url", db.jdbcUrl(), "--only", "apply,backfill",
                    "--tables", "5", "--migrations", "4", "--backfill-rows", "300", "--runs", "1", "--write-runs", "1");
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(out).isZero();
        assertThat(out).contains("| applying 4 small SQL migrations on the 5-model schema |", "Flyway ",
                "| backfill of 300 rows (YAML `backfill`) |", "one UPDATE ");
    }
}
