package dev.zanith.benchmarks;

import dev.zanith.Zanith;
import dev.zanith.ZanithConfig;
import dev.zanith.api.ApplyListener;
import dev.zanith.api.output.ApplyResult;
import dev.zanith.api.migration.DirectoryMigrationSource;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * What a backfill costs beside a plain UPDATE of the same rows, the apply lock's fence included: the same rows of
 * one table updated, in turns within every round, by
 * <ol>
 *   <li>the peer: one plain {@code UPDATE items SET score = score + 1}, one statement;</li>
 *   <li>the same primary-key batches as the backfill's, each its own transaction, written by hand: no checkpoint,
 *       no fence;</li>
 *   <li>a {@code backfill} step applied by {@link Zanith#apply} — batches with their checkpoints, each transaction
 *       behind the apply lock's fence, as in production (plus the step's audit rows and two schema snapshots of a
 *       one-table schema).</li>
 * </ol>
 * The difference between 2 and 3 bounds what the fence and the checkpoints cost together. The table is vacuumed
 * (untimed) before every measurement, so each starts from the same state. Prints rows/s per kind (median over the
 * rounds) and checks that every row was updated once per measurement; asserts nothing about speed.
 */
@Command(name = "zanith-bench-backfill", mixinStandardHelpOptions = true,
        description = "Times a fenced backfill beside a plain UPDATE of the same rows (and the same batches by hand).")
public final class BackfillFenceBenchmark implements Callable<Integer> {

    @ArgGroup(multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--url", required = true, description = "Admin JDBC URL of the server.")
        String url;

        @Option(names = "--embedded", required = true, description = "Start an embedded PostgreSQL 18 instead.")
        boolean embedded;
    }

    @Option(names = "--rows", defaultValue = "300000", description = "Rows in the table (default ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--batch-size", defaultValue = "1000", description = "Backfill batch size (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--rounds", defaultValue = "3", description = "Timed rounds after one warm-up (default ${DEFAULT-VALUE}).")
    int rounds;

    private static final String PLAIN = "plain UPDATE, one statement (peer)";
    private static final String BATCHES = "same batches by hand (no checkpoint, no fence)";
    private static final String BACKFILL = "backfill via zanith apply (checkpoints, fence)";
    /** One batch of the hand-written peer: the next keys after the cursor, updated; how many and the last key. */
    private static final String BATCH = "WITH batch AS (SELECT id FROM items WHERE id > ? ORDER BY id LIMIT ?), "
            + "updated AS (UPDATE items SET score = items.score + 1 FROM batch WHERE items.id = batch.id "
            + "RETURNING items.id) SELECT count(*), max(id) FROM updated";

    public static void main(String[] args) {
        System.exit(new CommandLine(new BackfillFenceBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (target.embedded) {
            try (EmbeddedServer server = EmbeddedServer.start()) {
                run(server.address(), false, System.out);
            }
        } else {
            run(ServerAddress.parse(target.url), true, System.out);
        }
        return 0;
    }

    private void run(ServerAddress server, boolean serverOutlivesRun, PrintStream out) throws Exception {
        Path dir = Files.createTempDirectory("zanith-bench-backfill");
        try (BenchDatabase database = BenchDatabase.create(server, false, serverOutlivesRun);
             Connection c = database.connect()) {
            c.setAutoCommit(true);
            execute(c, "CREATE TABLE items (id bigint PRIMARY KEY, score integer NOT NULL DEFAULT 0);"
                    + "INSERT INTO items (id) SELECT g FROM generate_series(1, " + rows + ") g");
            ZanithConfig config = ZanithConfig.builder().url(database.jdbcUrl())
                    .migrations(new DirectoryMigrationSource(dir)).backfillBatchSize(batchSize)
                    .maxRisk(100).allowDestructive(true).build(); // it overwrites score on purpose: past the gates
            Map<String, List<Double>> seconds = new LinkedHashMap<>();
            for (String kind : List.of(PLAIN, BATCHES, BACKFILL)) {
                seconds.put(kind, new ArrayList<>());
            }
            long expected = 0;
            for (int round = 0; round <= rounds; round++) {
                // the order rotates, so that a busy machine or a warming cache weighs on all three alike
                List<String> order = new ArrayList<>(List.of(PLAIN, BATCHES, BACKFILL));
                Collections.rotate(order, round);
                for (String kind : order) {
                    if (kind.equals(BACKFILL)) {
                        String id = String.format(Locale.ROOT, "%05d_bump", round + 1);
                        Files.writeString(dir.resolve(id + ".yaml"), "id: " + id + "\noperations:\n  - backfill:\n"
                                + "      table: public.items\n      set: {score: score + 1}\n");
                    }
                    execute(c, "VACUUM (ANALYZE) items");
                    long start = System.nanoTime();
                    if (kind.equals(PLAIN)) {
                        execute(c, "UPDATE items SET score = score + 1");
                    } else if (kind.equals(BATCHES)) {
                        batches(c);
                    } else {
                        ApplyResult result = new Zanith(config).apply(ApplyListener.NONE); // a CLI run's facade
                        if (!result.succeeded() || result.appliedCount() != 1) {
                            throw new IllegalStateException("the backfill did not apply: "
                                    + result.failedStep().map(s -> s.error()).orElse(result.refused()
                                    ? "refused: " + result.refusal() : "no migration applied"));
                        }
                    }
                    double elapsed = (System.nanoTime() - start) / 1e9;
                    expected++;
                    if (round > 0) {
                        seconds.get(kind).add(elapsed);
                    }
                }
            }
            long updated = single(c, "SELECT count(*) FROM items WHERE score = " + expected);
            out.printf(Locale.ROOT, "%s: %,d rows, batch size %,d, %d timed rounds after one warm-up; every row "
                    + "updated %d times (%,d rows checked)%n", database.name(), rows, batchSize, rounds, expected,
                    updated);
            if (updated != rows) {
                throw new IllegalStateException("only " + updated + " of " + rows + " rows have score " + expected);
            }
            Map<String, Double> medians = new LinkedHashMap<>();
            seconds.forEach((kind, times) -> {
                Collections.sort(times);
                double median = times.get(times.size() / 2);
                medians.put(kind, median);
                out.printf(Locale.ROOT, "%-48s median %,10.0f rows/s  (%.2f s; min %.2f s, max %.2f s)%n", kind,
                        rows / median, median, times.get(0), times.get(times.size() - 1));
            });
            out.printf(Locale.ROOT, "the backfill takes %.2fx the plain UPDATE's time and %.2fx the hand-written "
                    + "batches' (their difference is what checkpoints, fence and audit cost)%n",
                    medians.get(BACKFILL) / medians.get(PLAIN), medians.get(BACKFILL) / medians.get(BATCHES));
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }

    /** Every row, in the backfill's key order and batch size, each batch in its own transaction (auto-commit). */
    private void batches(Connection c) throws SQLException {
        long cursor = 0;
        try (PreparedStatement batch = c.prepareStatement(BATCH)) {
            while (true) {
                batch.setLong(1, cursor);
                batch.setInt(2, batchSize);
                try (ResultSet rs = batch.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                    cursor = rs.getLong(2);
                }
            }
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
