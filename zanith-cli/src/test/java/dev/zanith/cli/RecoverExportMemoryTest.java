package dev.zanith.cli;

import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code zanith recover export} of a 1,000,000-row parked table (about 130 MB of row data) in a separate JVM limited
 * to a 32 MB heap, as CSV (COPY) and as JSON lines (server-side cursor): both finish, write every row, and the
 * sampled peak heap is printed (see the test's output file) and stays under the limit.
 */
@RealPostgres
class RecoverExportMemoryTest {

    private static final int ROWS = 1_000_000;
    /** The child JVM's heap limit: a fraction of the data exported. */
    private static final int HEAP_MB = 32;
    private static final Pattern PEAK = Pattern.compile("peak-heap-used-bytes=(\\d+)");
    private static final Pattern POOLS = Pattern.compile("peak-heap-pools-bytes=(\\d+)");

    @TempDir
    Path dir;

    @Test
    void exportingAMillionRowsRunsInBoundedMemory(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE big (id bigint PRIMARY KEY, payload text, n numeric, at timestamptz);"
                + "INSERT INTO big SELECT g, repeat(md5(g::text), 3), g / 7.0, timestamptz '2026-01-01' + g * interval '1 s' "
                + "FROM generate_series(1, " + ROWS + ") g; ANALYZE big;");
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("20260101000000_park_big.yaml"), """
                id: 20260101000000_park_big
                operations:
                  - softDropTable:
                      table: public.big
                """);
        CliRunner.Result apply = CliRunner.run("apply", "--url", db.jdbcUrl(), "--migrations", migrations.toString());
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        String id = "20260101000000_park_big::soft_drop_table::public.big";

        for (String format : List.of("csv", "jsonl")) {
            Path out = dir.resolve("big." + format);
            long start = System.nanoTime();
            Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                    "-Xmx" + HEAP_MB + "m", "-cp", System.getProperty("java.class.path"), MeasuredCli.class.getName(), "recover", "export", id,
                    "--format", format, "--out", out.toString(), "--url", db.jdbcUrl())
                    .redirectOutput(dir.resolve(format + ".out").toFile()).redirectError(dir.resolve(format + ".err").toFile())
                    .start();
            assertThat(child.waitFor(10, TimeUnit.MINUTES)).isTrue();
            String err = Files.readString(dir.resolve(format + ".err"));
            String stdout = Files.readString(dir.resolve(format + ".out"));
            assertThat(child.exitValue()).as(err + stdout).isZero();
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(stdout).contains("Exported 1,000,000 rows of " + id);
            long lines = 0;
            try (BufferedReader reader = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
                String line;
                boolean sawLast = false;
                while ((line = reader.readLine()) != null) {
                    lines++;
                    sawLast |= line.startsWith("1000000,") || line.startsWith("{\"id\":1000000,");
                }
                assertThat(sawLast).as("row 1,000,000 was exported").isTrue();
            }
            assertThat(lines).isEqualTo(format.equals("csv") ? ROWS + 1 : ROWS);
            long peak = number(PEAK, err);
            long pools = number(POOLS, err);
            System.out.printf("recover export of %,d rows as %s (%,d bytes) in a -Xmx%dm JVM: %,d ms, peak heap used "
                            + "%.1f MB (sampled every 5 ms), heap pools' peaks summed %.1f MB%n", ROWS, format,
                    Files.size(out), HEAP_MB, ms, peak / 1048576.0, pools / 1048576.0);
            assertThat(peak).isLessThan((long) HEAP_MB << 20);
            assertThat(Files.size(out)).isGreaterThan(100L << 20);
        }
    }

    private static long number(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return Long.parseLong(m.group(1));
    }

}
