package dev.zanith.benchmarks;

import dev.zanith.ZanithConfig;
import dev.zanith.apply.AdvisoryLock;
import dev.zanith.apply.Applier;
import dev.zanith.apply.ApplyListener;
import dev.zanith.apply.ApplyResult;
import dev.zanith.apply.BackfillSettings;
import dev.zanith.apply.StepExecutor;
import dev.zanith.audit.AuditLog;
import dev.zanith.audit.AuditTables;
import dev.zanith.audit.MigrationHistory;
import dev.zanith.internal.jdbc.ConnectionSource;
import dev.zanith.migration.DirectoryMigrationSource;
import dev.zanith.migration.Migration;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * What the backfill's lock fence costs: the same rows of one table updated, in turns within every round, by
 * <ol>
 *   <li>the peer: one plain {@code UPDATE ... SET score = score + 1} of every row, one statement;</li>
 *   <li>a backfill without a fence (primary-key batches, each with its checkpoint, as apply runs them);</li>
 *   <li>the same backfill behind the apply lock's fence, as {@code zanith apply} runs it (each batch's
 *       transaction first takes the fence key shared and proves the lock session still holds the lock).</li>
 * </ol>
 * The table is vacuumed (untimed) before every measurement, so each starts from the same state. Prints rows/s per
 * kind (median over the rounds) and the fence's cost as the fenced backfill's time over the unfenced one's;
 * asserts nothing.
 */
@Command(name = "zanith-bench-backfill", mixinStandardHelpOptions = true,
        description = "Times a backfill with and without the lock fence beside a plain UPDATE of the same rows.")
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
    private static final String UNFENCED = "backfill, no fence";
    private static final String FENCED = "backfill behind the apply lock's fence (apply)";

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
            AuditTables tables = new AuditTables(ZanithConfig.DEFAULT_AUDIT_SCHEMA, ZanithConfig.DEFAULT_TABLE_PREFIX);
            new MigrationHistory(tables).ensureTables(c);
            for (int round = 0; round <= rounds; round++) {
                for (String kind : List.of("unfenced", "fenced")) {
                    String id = String.format(Locale.ROOT, "%05d_%s", round * 2 + (kind.equals("fenced") ? 1 : 0) + 1,
                            kind);
                    Files.writeString(dir.resolve(id + ".yaml"), "id: " + id + "\noperations:\n  - backfill:\n"
                            + "      table: public.items\n      set: {score: score + 1}\n");
                }
            }
            ZanithConfig config = ZanithConfig.builder().url(database.jdbcUrl())
                    .migrations(new DirectoryMigrationSource(dir)).build();
            Map<String, Migration> migrations = new LinkedHashMap<>();
            config.loadMigrations().forEach(m -> migrations.put(m.id(), m));
            ConnectionSource source = config.connectionSource();
            Applier applier = new Applier(new AuditLog(tables), new StepExecutor(config.timeouts()),
                    config.tablePrefix(), config.archiveSchema(), ApplyListener.NONE)
                    .withBackfillSettings(new BackfillSettings(batchSize, Duration.ZERO));

            Map<String, List<Double>> seconds = new LinkedHashMap<>();
            for (String kind : List.of(PLAIN, UNFENCED, FENCED)) {
                seconds.put(kind, new ArrayList<>());
            }
            long expected = 0;
            for (int round = 0; round <= rounds; round++) {
                Migration unfenced = migrations.get(String.format(Locale.ROOT, "%05d_unfenced", round * 2 + 1));
                Migration fenced = migrations.get(String.format(Locale.ROOT, "%05d_fenced", round * 2 + 2));
                // the order rotates, so that a busy machine or a warming cache weighs on all three alike
                List<String> order = new ArrayList<>(List.of(PLAIN, UNFENCED, FENCED));
                Collections.rotate(order, round);
                for (String kind : order) {
                    execute(c, "VACUUM (ANALYZE) items");
                    long start = System.nanoTime();
                    if (kind.equals(PLAIN)) {
                        execute(c, "UPDATE items SET score = score + 1");
                    } else if (kind.equals(UNFENCED)) {
                        check(applier.apply(c, List.of(unfenced)), unfenced);
                    } else {
                        try (AdvisoryLock lock = AdvisoryLock.acquire(source, tables.lockKey("apply"), Duration.ZERO,
                                "apply", database.name(), holder -> { })) {
                            check(applier.withFence(lock.fence()).withBeforeEachStep(lock::verifyHeld)
                                    .apply(c, List.of(fenced)), fenced);
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
            out.printf(Locale.ROOT, "the fence costs %+.1f%% of the backfill's time; the fenced backfill takes %.2fx "
                            + "the plain UPDATE's%n", (medians.get(FENCED) / medians.get(UNFENCED) - 1) * 100,
                    medians.get(FENCED) / medians.get(PLAIN));
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }

    private static void check(ApplyResult result, Migration migration) {
        if (!result.succeeded() || result.appliedCount() != 1) {
            throw new IllegalStateException("the backfill " + migration.id() + " did not apply: "
                    + result.failedStep().map(s -> s.error()).orElse("no migration applied"));
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
