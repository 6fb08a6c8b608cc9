package dev.zanith.benchmarks;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/**
 * {@code bin/zanith-bench}: generates a large schema on a server and prints how long introspection takes,
 * beside {@code pg_dump --schema-only} on the same database. Numbers only: targets are reported as met or
 * not, never turned into a failing exit code.
 */
@Command(name = "zanith-bench", mixinStandardHelpOptions = true, version = "zanith-bench 0.1.0",
        sortOptions = false, usageHelpWidth = 100,
        description = {"Generates a large schema (default 1,000 tables, 3,967 foreign keys) in a fresh database, "
                + "then times Zanith's introspection and pg_dump --schema-only on it (1 warm-up, then --runs runs)."},
        footer = {"", "Examples:",
                "  zanith-bench --url 'jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres' --tables 1000",
                "  zanith-bench --url 'jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres' --scaling",
                "  zanith-bench --embedded --tables 1000"})
public final class IntrospectionBenchmark implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Target target;

    @Option(names = "--tables", paramLabel = "N", defaultValue = "1000",
            description = "Tables (models) to generate: 1000, 10000 or any N (default ${DEFAULT-VALUE}).")
    private int tables;

    @Option(names = "--foreign-keys", paramLabel = "F",
            description = "Foreign-key edges to generate (default: 3.967 per table, i.e. 3,967 for 1,000 tables).")
    private Integer foreignKeys;

    @Option(names = "--runs", paramLabel = "R", defaultValue = "5",
            description = "Timed runs after one warm-up; min/median/max are reported (default ${DEFAULT-VALUE}).")
    private int runs;

    @Option(names = "--pg-dump", paramLabel = "PATH", defaultValue = "pg_dump",
            description = "The pg_dump to compare with (default: pg_dump on the PATH).")
    private String pgDump;

    @Option(names = "--scaling",
            description = "Run at 1,000 and then 10,000 tables (foreign keys scaled) and print the 10k/1k ratio.")
    private boolean scaling;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "42",
            description = "Generator seed; the same seed gives the same schema (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--keep", description = "Keep the generated database(s) instead of dropping them at the end.")
    private boolean keep;

    /** Where to run: exactly one of these. */
    static final class Target {
        @Option(names = "--url", paramLabel = "JDBC_URL", required = true,
                description = "Admin JDBC URL of the server, e.g. jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres;"
                        + " a fresh database zanith_bench_<timestamp> is created there.")
        String url;

        @Option(names = "--embedded", required = true,
                description = "Start an embedded PostgreSQL 18 for the run instead.")
        boolean embedded;
    }

    public static void main(String[] args) {
        run(commandLine(), args);
    }

    /** Runs a benchmark command and exits with its code (logging is kept to warnings by {@code logback.xml}). */
    static void run(CommandLine commandLine, String[] args) {
        System.exit(commandLine.execute(args));
    }

    static CommandLine commandLine() {
        return commandLine(new IntrospectionBenchmark(), "zanith-bench");
    }

    /**
     * A benchmark's command line: a usage error prints one line naming {@code name} and exits 2, any other failure
     * prints {@link #describe} and exits 1 (never a stack trace).
     */
    static CommandLine commandLine(Object command, String name) {
        return new CommandLine(command)
                .setParameterExceptionHandler((e, args) -> {
                    e.getCommandLine().getErr().println(name + ": " + e.getMessage()
                            + " (" + name + " --help shows the options)");
                    return 2;
                })
                .setExecutionExceptionHandler((e, cmd, parseResult) -> {
                    cmd.getErr().println(name + ": " + describe(e));
                    return 1;
                });
    }

    @Override
    public Integer call() throws Exception {
        validate();
        PrintStream out = System.out;
        PgDump dump = new PgDump(pgDump);
        if (target.embedded) {
            out.println("Starting an embedded PostgreSQL server...");
            try (EmbeddedServer server = EmbeddedServer.start()) {
                run(new BenchmarkRunner(server.address(), false, seed, runs, keep, dump), out);
            }
        } else {
            run(new BenchmarkRunner(ServerAddress.parse(target.url), true, seed, runs, keep, dump), out);
        }
        return 0;
    }

    private void run(BenchmarkRunner runner, PrintStream out) throws Exception {
        if (!scaling) {
            int fks = foreignKeys != null ? foreignKeys : LargeSchemaGenerator.scaledForeignKeys(tables);
            out.println(Report.single(runner.run(tables, fks)));
            return;
        }
        BenchmarkResult small = runner.run(LargeSchemaGenerator.DEFAULT_TABLES, LargeSchemaGenerator.DEFAULT_FOREIGN_KEYS);
        out.println(Report.single(small));
        out.flush();
        BenchmarkResult large = runner.run(LargeSchemaGenerator.LARGE_TABLES,
                LargeSchemaGenerator.scaledForeignKeys(LargeSchemaGenerator.LARGE_TABLES));
        out.println(Report.single(large));
        out.println(Report.scaling(small, large));
    }

    private void validate() {
        if (runs < 1) {
            throw new ParameterException(spec.commandLine(), "--runs must be at least 1, got " + runs);
        }
        if (tables < 1) {
            throw new ParameterException(spec.commandLine(), "--tables must be at least 1, got " + tables);
        }
        boolean tablesGiven = spec.commandLine().getParseResult().hasMatchedOption("--tables");
        if (scaling && (tablesGiven || foreignKeys != null)) {
            throw new ParameterException(spec.commandLine(),
                    "--scaling runs 1,000 and 10,000 tables with scaled foreign keys; leave out --tables and --foreign-keys");
        }
        if (foreignKeys != null && (foreignKeys < 0 || foreignKeys > LargeSchemaGenerator.maxForeignKeys(tables))) {
            throw new ParameterException(spec.commandLine(), String.format(java.util.Locale.ROOT,
                    "--foreign-keys must be between 0 and %,d for %,d tables, got %,d",
                    LargeSchemaGenerator.maxForeignKeys(tables), tables, foreignKeys));
        }
    }

    /** One line: the message of the most telling exception in the chain. */
    static String describe(Throwable e) {
        Throwable shown = e;
        while (shown.getMessage() == null && shown.getCause() != null) {
            shown = shown.getCause();
        }
        String message = shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage();
        int newline = message.indexOf('\n');
        return newline >= 0 ? message.substring(0, newline) : message;
    }
}
