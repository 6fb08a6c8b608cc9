package dev.zanith.benchmarks;

import dev.zanith.api.output.StatusSummary;
import dev.zanith.Zanith;
import dev.zanith.ZanithConfig;
import dev.zanith.api.ApplyListener;
import dev.zanith.api.output.ApplyResult;
import dev.zanith.api.migration.DirectoryMigrationSource;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The cost of one health probe of the Spring starter with a long history: N migrations are written and applied
 * to a fresh database, then one probe's work — {@link Zanith#statusSummary()}, which the starter's health
 * indicator, overview and metrics call — is timed on a warm facade (files memoized, as in a running application),
 * beside its peer, the full {@link Zanith#status()} that the health indicator used to run (every file parsed again,
 * the whole ledger and every unfinished step read). Prints numbers; asserts nothing.
 */
@Command(name = "zanith-bench-health", mixinStandardHelpOptions = true,
        description = "Times one health probe's work with N applied migrations.")
public final class HealthProbeBenchmark implements Callable<Integer> {

    @ArgGroup(multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--url", required = true, description = "Admin JDBC URL of the server.")
        String url;

        @Option(names = "--embedded", required = true, description = "Start an embedded PostgreSQL 18 instead.")
        boolean embedded;
    }

    @Option(names = "--migrations", defaultValue = "500", description = "Applied migrations (default ${DEFAULT-VALUE}).")
    int migrations;

    @Option(names = "--runs", defaultValue = "50", description = "Timed probes (default ${DEFAULT-VALUE}).")
    int runs;

    public static void main(String[] args) {
        System.exit(new CommandLine(new HealthProbeBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        if (target.embedded) {
            try (EmbeddedServer server = EmbeddedServer.start()) {
                run(server.address(), false, out);
            }
        } else {
            run(ServerAddress.parse(target.url), true, out);
        }
        return 0;
    }

    private void run(ServerAddress server, boolean serverOutlivesRun, PrintStream out) throws Exception {
        Path dir = Files.createTempDirectory("zanith-bench-health");
        try (BenchDatabase database = BenchDatabase.create(server, false, serverOutlivesRun)) {
            writeMigrations(dir, migrations);
            Zanith zanith = new Zanith(ZanithConfig.builder().url(database.jdbcUrl())
                    .migrations(new DirectoryMigrationSource(dir)).build());
            long start = System.nanoTime();
            ApplyResult applied = zanith.apply(ApplyListener.NONE);
            out.printf(Locale.ROOT, "applied %d migrations in %.1f s%n", applied.appliedCount(),
                    (System.nanoTime() - start) / 1e9);
            StatusSummary summary = zanith.statusSummary();
            out.printf(Locale.ROOT, "summary: %d applied, %d pending, %d failed steps%n", summary.applied(),
                    summary.pending().size(), summary.failedSteps().size());
            Zanith cold = new Zanith(zanith.config());
            out.printf(Locale.ROOT, "first probe of a new facade (parses every file): %.2f ms%n",
                    millis(() -> cold.statusSummary()));
            // The four measurements take turns in every round, so that a busy machine weighs on all of them alike.
            List<Supplier<?>> probes = List.of(zanith::statusSummary, () -> zanith.config().loadMigrations(), () -> {
                try (var c = java.sql.DriverManager.getConnection(database.jdbcUrl())) {
                    return c.isValid(1);
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, () -> new Zanith(zanith.config()).status());
            List<List<Double>> times = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            probes.forEach(Supplier::get); // warm-up
            for (int i = 0; i < runs; i++) {
                for (int p = 0; p < probes.size(); p++) {
                    times.get(p).add(millis(probes.get(p)));
                }
            }
            times.forEach(Collections::sort);
            report(out, "health probe (statusSummary, warm)", times.get(0));
            report(out, "  of which: reading the files (parsed ones memoized)", times.get(1));
            report(out, "  of which: opening a JDBC connection (no pool here)", times.get(2));
            report(out, "peer: full status (every file parsed, whole ledger read)", times.get(3));
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }

    private static void writeMigrations(Path dir, int count) throws IOException {
        for (int i = 1; i <= count; i++) {
            String id = String.format(Locale.ROOT, "%05d_create_t%d", i, i);
            Files.writeString(dir.resolve(id + ".yaml"), "id: " + id + "\noperations:\n"
                    + "  - createTable:\n      table:\n        schema: public\n        name: t" + i + "\n"
                    + "        columns:\n          - {name: id, type: bigint, notNull: true}\n"
                    + "          - {name: note, type: text}\n"
                    + "        primaryKey: {name: t" + i + "_pkey, columns: [id]}\n");
        }
    }

    private static double millis(Supplier<?> probe) {
        long start = System.nanoTime();
        probe.get();
        return (System.nanoTime() - start) / 1e6;
    }

    private void report(PrintStream out, String label, List<Double> times) {
        out.printf(Locale.ROOT, "%-58s min %7.2f ms  median %7.2f ms  max %7.2f ms  (%d runs, %d migrations)%n", label,
                times.get(0), times.get(times.size() / 2), times.get(times.size() - 1), runs, migrations);
    }
}
