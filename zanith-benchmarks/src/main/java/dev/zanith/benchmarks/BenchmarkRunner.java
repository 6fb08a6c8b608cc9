package dev.zanith.benchmarks;

import dev.zanith.internal.introspect.IntrospectionOptions;
import dev.zanith.internal.introspect.Introspector;
import dev.zanith.api.schema.LiveSchema;

import java.io.Console;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One benchmark at one size: a fresh database, the generated schema applied to it, then introspection and
 * {@code pg_dump --schema-only} each timed after one warm-up, on the same database in the same run.
 */
final class BenchmarkRunner {

    /**
     * The catalogs the introspection queries read. Refreshing their statistics after the DDL burst puts the
     * database where autovacuum would soon have it, rather than timing plans made from a near-empty catalog.
     */
    private static final String CATALOGS = "pg_catalog.pg_class, pg_catalog.pg_attribute, pg_catalog.pg_attrdef, "
            + "pg_catalog.pg_constraint, pg_catalog.pg_index, pg_catalog.pg_depend, pg_catalog.pg_description, "
            + "pg_catalog.pg_type, pg_catalog.pg_enum, pg_catalog.pg_sequence, pg_catalog.pg_namespace, "
            + "pg_catalog.pg_policy";

    private final ServerAddress server;
    private final boolean serverOutlivesRun;
    private final long seed;
    private final int runs;
    private final boolean keep;
    private final PgDump pgDump;

    BenchmarkRunner(ServerAddress server, boolean serverOutlivesRun, long seed, int runs, boolean keep, PgDump pgDump) {
        this.server = server;
        this.serverOutlivesRun = serverOutlivesRun;
        this.seed = seed;
        this.runs = runs;
        this.keep = keep;
        this.pgDump = pgDump;
    }

    BenchmarkResult run(int tables, int foreignKeys) throws SQLException {
        LargeSchemaGenerator generator = new LargeSchemaGenerator(tables, foreignKeys, seed);
        try (BenchDatabase database = BenchDatabase.create(server, keep, serverOutlivesRun)) {
            String serverVersion;
            long start = System.nanoTime();
            GeneratedSchema schema = generator.generate();
            try (Connection c = database.connect()) {
                serverVersion = serverVersion(c);
                schema.applyTo(c, new Progress(tables)::report);
            }
            double generationMillis = Timings.millisSince(start);
            start = System.nanoTime();
            try (Connection c = database.connect(); Statement s = c.createStatement()) {
                s.execute("VACUUM (ANALYZE) " + CATALOGS);
            }
            double vacuumMillis = Timings.millisSince(start);

            Introspection introspection = introspect(database);
            PgDump.Result dump = pgDump.measure(server, database.name(), runs);
            return new BenchmarkResult(serverVersion, server.toString(), database.name(), database.kept(), tables,
                    foreignKeys, seed, runs, schema.expected(), generationMillis, vacuumMillis,
                    IntrospectedCounts.of(introspection.last().graph()), introspection.timings(),
                    introspection.peakHeapBytes(), dump);
        }
    }

    private Introspection introspect(BenchDatabase database) throws SQLException {
        Introspector introspector = new Introspector(IntrospectionOptions.of(List.of("public")));
        List<Double> millis = new ArrayList<>();
        LiveSchema last = null;
        for (int run = 0; run <= runs; run++) {
            if (run == 1) {
                resetHeapPeaks(); // measure the timed runs, not class loading in the warm-up
            }
            // A new connection per run, as a CLI invocation has: no statements prepared by earlier runs.
            try (Connection c = database.connect()) {
                long start = System.nanoTime();
                last = introspector.introspect(c);
                double elapsed = Timings.millisSince(start);
                if (run > 0) {
                    millis.add(elapsed);
                }
            }
        }
        return new Introspection(last, new Timings(millis), peakHeapBytes());
    }

    private record Introspection(LiveSchema last, Timings timings, long peakHeapBytes) {
    }

    private static String serverVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('server_version')")) {
            rs.next();
            return "PostgreSQL " + rs.getString(1);
        }
    }

    private static void resetHeapPeaks() {
        System.gc();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of the heap pools' peaks: an upper bound of the heap in use at any moment since the reset. */
    private static long peakHeapBytes() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    /** Table counts on the terminal while a big schema is created; silent when output is not a terminal. */
    private static final class Progress {
        private final int total;
        private final Console console = System.console();

        Progress(int total) {
            this.total = total;
        }

        void report(int done) {
            if (console != null && total >= 1_000) {
                if (done < total) {
                    System.err.printf(Locale.ROOT, "\rcreating tables: %,d/%,d", done, total);
                } else {
                    System.err.print("\r" + " ".repeat(40) + "\r");
                }
                System.err.flush();
            }
        }
    }
}
