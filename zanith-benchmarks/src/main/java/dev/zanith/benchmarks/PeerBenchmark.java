package dev.zanith.benchmarks;

import dev.zanith.Zanith;
import dev.zanith.ZanithConfig;
import dev.zanith.api.ApplyListener;
import dev.zanith.api.output.ApplyResult;
import dev.zanith.api.migration.DirectoryMigrationSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bin/zanith-bench peers}: each row of issue 19's table, Zanith beside the tool a user would pick instead,
 * measured in the same run and in turns ({@link Alternation}), medians compared:
 * <ul>
 *   <li>{@code zanith inspect --format json} as a whole process vs {@code pg_dump --schema-only} (only when
 *       pg_dump's major version is the server's: otherwise it refuses, or dumps with another version's queries);</li>
 *   <li>{@code zanith plan} with nothing pending on that schema vs {@code pg_dump --schema-only};</li>
 *   <li>a Spring Boot application started with Zanith's starter applying M small SQL migrations, and restarted with
 *       nothing pending, vs the same application with Spring Boot's Flyway support, each as the overhead over the
 *       same application with neither ({@link SpringStartApp}, one process per start);</li>
 *   <li>applying M small SQL migrations on a copy of the large schema vs Flyway on its own copy, same files;</li>
 *   <li>a YAML {@code backfill} of N rows vs one {@code UPDATE}, each on its own copy of the table, with a
 *       concurrent single-row writer whose longest wait is reported.</li>
 * </ul>
 * Numbers only: targets are printed as met or not, never an exit code.
 */
@Command(name = "zanith-bench peers", mixinStandardHelpOptions = true, version = "zanith-bench 0.1.0",
        sortOptions = false, usageHelpWidth = 100,
        description = {"Measures Zanith beside pg_dump, Flyway and a single UPDATE on the same server, in turns, "
                + "and prints the medians side by side."},
        footer = {"", "Examples:",
                "  zanith-bench peers --url 'jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres'",
                "  zanith-bench peers --embedded --tables 100 --migrations 20 --backfill-rows 10000 --runs 1"})
public final class PeerBenchmark implements Callable<Integer> {

    /** The rows of the table, in the issue's order. */
    enum Measure { INSPECT, PLAN, START, APPLY, BACKFILL, GENERATE }

    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Target target;

    @Option(names = "--tables", paramLabel = "N", defaultValue = "1000",
            description = "Tables (models) of the generated schema (default ${DEFAULT-VALUE}; foreign keys scaled).")
    private int tables;

    @Option(names = "--migrations", paramLabel = "M", defaultValue = "200",
            description = "Small SQL migrations applied by Zanith and by Flyway (default ${DEFAULT-VALUE}).")
    private int migrations;

    @Option(names = "--backfill-rows", paramLabel = "ROWS", defaultValue = "1000000",
            description = "Rows the backfill fills (default ${DEFAULT-VALUE}).")
    private long backfillRows;

    @Option(names = "--runs", paramLabel = "R", defaultValue = "5",
            description = "Timed rounds of the process rows (inspect, plan) after one warm-up each (default ${DEFAULT-VALUE}).")
    private int runs;

    @Option(names = "--write-runs", paramLabel = "R", defaultValue = "3",
            description = "Timed rounds of the apply and backfill rows, each on fresh database copies (default ${DEFAULT-VALUE}).")
    private int writeRuns;

    @Option(names = "--only", paramLabel = "MEASURE", split = ",",
            description = "Only these rows: inspect, plan, start (Spring Boot start and restart), apply, backfill, "
                    + "generate "
                    + "(default: all). plan needs apply's database.")
    private List<String> only;

    @Option(names = "--zanith", paramLabel = "PATH",
            description = "The Zanith CLI launcher timed as a whole process (default: bin/zanith beside bin/zanith-bench).")
    private String zanithCli;

    @Option(names = "--pg-dump", paramLabel = "PATH", defaultValue = "pg_dump",
            description = "The pg_dump to compare with (default: pg_dump on the PATH).")
    private String pgDump;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "42", description = "Generator seed (default ${DEFAULT-VALUE}).")
    private long seed;

    static final class Target {
        @Option(names = "--url", paramLabel = "JDBC_URL", required = true,
                description = "Admin JDBC URL of the server; fresh databases zanith_bench_* are created and dropped there.")
        String url;

        @Option(names = "--embedded", required = true, description = "Start an embedded PostgreSQL 18 instead.")
        boolean embedded;
    }

    public static void main(String[] args) {
        IntrospectionBenchmark.run(commandLine(), args);
    }

    static CommandLine commandLine() {
        return IntrospectionBenchmark.commandLine(new PeerBenchmark(), "zanith-bench peers");
    }

    @Override
    public Integer call() throws Exception {
        Set<Measure> measures = measures();
        if (target.embedded) {
            System.out.println("Starting an embedded PostgreSQL server...");
            try (EmbeddedServer server = EmbeddedServer.start()) {
                return new Session(server.address(), false, measures, System.out).run();
            }
        }
        return new Session(ServerAddress.parse(target.url), true, measures, System.out).run();
    }

    private Set<Measure> measures() {
        if (tables < 1 || migrations < 2 || backfillRows < 1 || runs < 1 || writeRuns < 1) {
            throw new ParameterException(spec.commandLine(),
                    "--tables, --backfill-rows, --runs and --write-runs must be at least 1 and --migrations at least 2");
        }
        if (only == null || only.isEmpty()) {
            return EnumSet.allOf(Measure.class);
        }
        Set<Measure> chosen = EnumSet.noneOf(Measure.class);
        for (String name : only) {
            try {
                chosen.add(Measure.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(),
                        "--only takes inspect, plan, start, apply, backfill, generate; got " + name);
            }
        }
        if (chosen.contains(Measure.PLAN)) {
            chosen.add(Measure.APPLY); // plan runs on the database the last Zanith apply left
        }
        return chosen;
    }

    private String zanithCli() {
        if (zanithCli != null) {
            return zanithCli;
        }
        String beside = System.getProperty("zanith.bench.cli");
        return beside != null ? beside : "bin/zanith";
    }

    /** One run of the benchmark: the databases it made and the rows it measured. */
    private final class Session {
        private final ServerAddress server;
        private final boolean serverOutlivesRun;
        private final Set<Measure> measures;
        private final PrintStream out;
        private final List<Row> rows = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        Session(ServerAddress server, boolean serverOutlivesRun, Set<Measure> measures, PrintStream out) {
            this.server = server;
            this.serverOutlivesRun = serverOutlivesRun;
            this.measures = measures;
            this.out = out;
        }

        int run() throws Exception {
            Path work = Files.createTempDirectory("zanith-bench-peers");
            try (BenchDatabase schema = BenchDatabase.create(server, false, serverOutlivesRun)) {
                int serverMajor;
                String serverVersion;
                try (Connection c = schema.connect(); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT current_setting('server_version_num')::int / 10000, "
                             + "current_setting('server_version')")) {
                    rs.next();
                    serverMajor = rs.getInt(1);
                    serverVersion = rs.getString(2);
                }
                out.printf(Locale.ROOT, "Zanith beside its peers on PostgreSQL %s at %s%n", serverVersion, server);
                String dumpProblem = pgDumpProblem(serverMajor);
                GeneratedSchema generated = null;
                if (measures.contains(Measure.INSPECT) || measures.contains(Measure.APPLY)
                        || measures.contains(Measure.START) || measures.contains(Measure.GENERATE)) {
                    long start = System.nanoTime();
                    int fks = LargeSchemaGenerator.scaledForeignKeys(tables);
                    generated = new LargeSchemaGenerator(tables, fks, seed).generate();
                    try (Connection c = schema.connect()) {
                        generated.applyTo(c, done -> { });
                    }
                    try (Connection c = schema.connect(); Statement s = c.createStatement()) {
                        s.execute("VACUUM (ANALYZE) pg_catalog.pg_class, pg_catalog.pg_attribute, pg_catalog.pg_constraint, "
                                + "pg_catalog.pg_index, pg_catalog.pg_depend, pg_catalog.pg_type");
                    }
                    out.printf(Locale.ROOT, "generated %,d tables / %,d foreign keys in %s%n", tables, fks,
                            seconds(Timings.millisSince(start)));
                }
                if (measures.contains(Measure.INSPECT)) {
                    inspect(schema, dumpProblem);
                }
                if (measures.contains(Measure.START)) {
                    springStarts(schema, work);
                }
                if (measures.contains(Measure.APPLY)) {
                    applyAndPlan(schema, work, dumpProblem);
                }
                if (measures.contains(Measure.BACKFILL)) {
                    backfill(work);
                }
                if (measures.contains(Measure.GENERATE)) {
                    generateNoOp(schema, generated, work);
                    generateChange(schema, generated, work);
                }
            } finally {
                deleteTree(work);
            }
            out.println();
            out.print(table());
            return 0;
        }

        /** Keeps a row for the closing table and prints it at once (a long run shows what it has so far). */
        private void add(Row row) {
            rows.add(row);
            out.printf(Locale.ROOT, "  -> Zanith %s | peer %s | ratio %s%n", row.zanith(), row.peer(),
                    Double.isNaN(row.ratio()) ? "n/a" : String.format(Locale.ROOT, "%.2fx", row.ratio()));
            out.flush();
        }

        /** Why pg_dump is not compared (missing, or another major version than the server), or null. */
        private String pgDumpProblem(int serverMajor) {
            try {
                Process p = new ProcessBuilder(pgDump, "--version").redirectErrorStream(true).start();
                String version = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
                p.waitFor();
                Matcher m = Pattern.compile("\\)\\s*(\\d+)").matcher(version);
                if (!m.find()) {
                    return "cannot read pg_dump's version from \"" + version + "\"";
                }
                int major = Integer.parseInt(m.group(1));
                out.println("pg_dump: " + version);
                return major == serverMajor ? null : "pg_dump " + major + " is not the server's major version "
                        + serverMajor + "; pass --pg-dump PATH to a matching one";
            } catch (IOException e) {
                return "pg_dump not found (" + pgDump + "); pass --pg-dump PATH";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }

        private ChildProcess pgDumpOf(String database) {
            return new ChildProcess("pg_dump", List.of(pgDump, "--schema-only", "--no-password"),
                    server.libpqEnvironment(database));
        }

        private void inspect(BenchDatabase schema, String dumpProblem) throws Exception {
            ChildProcess zanith = new ChildProcess("zanith inspect", List.of(zanithCli(), "inspect", "--url",
                    schema.jdbcUrl(), "--format", "json"), java.util.Map.of());
            processRow(String.format(Locale.ROOT, "`zanith inspect --format json`, %,d models, whole process", tables),
                    zanith, schema.name(), dumpProblem, "<= 1.0x");
        }

        /**
         * {@code zanith generate --shadow database} with the schema's own DDL as the declared schema (nothing to
         * generate), whole processes: the first run on a declared file (no cache: the DDL replayed on a shadow
         * database) and a repeated run (the declared graph read from the cache), beside psql loading the same DDL into
         * an empty database — the replay's floor.
         */
        private void generateNoOp(BenchDatabase schema, GeneratedSchema generated, Path work) throws Exception {
            Path declared = work.resolve("declared.sql");
            Files.writeString(declared, generated.ddl());
            Path migrationsDir = Files.createDirectories(work.resolve("generate-migrations"));
            Path cache = work.resolve("zanith-cache");
            ChildProcess generate = new ChildProcess("zanith generate", List.of(zanithCli(), "generate", "--url",
                    schema.jdbcUrl(), "--declared", declared.toString(), "--migrations", migrationsDir.toString(),
                    "--shadow", "database"), java.util.Map.of("ZANITH_CACHE_DIR", cache.toString()));
            String measure = String.format(Locale.ROOT, "`zanith generate --shadow database`, nothing to generate, "
                    + "%,d models, whole process", tables);
            out.println("measuring: " + measure);
            Alternation.Contender cold = () -> {
                deleteTree(cache);
                return Alternation.Measured.of(generate.run());
            };
            Alternation.Contender warm = () -> Alternation.Measured.of(generate.run());
            List<Alternation.Series> series = Alternation.runAll(List.of(cold, warm, psqlLoading(declared)), writeRuns);
            double floor = series.get(2).wall().median();
            add(new Row(measure + ", first run (DDL replayed on the shadow)", summary(series.get(0)),
                    "psql loading the same DDL " + summary(series.get(2)), series.get(0).wall().median() / floor,
                    "own share <= 5 s", generate.commandLine() + "   vs   psql -f declared.sql (empty database)"));
            add(new Row(measure + ", unchanged declared file (cached)", summary(series.get(1)),
                    "psql loading the same DDL " + summary(series.get(2)), series.get(1).wall().median() / floor,
                    "replay reused", "the same command again: the declared graph read from $ZANITH_CACHE_DIR/declared"));
        }

        /** psql loading {@code declared} into a new empty database: the floor of replaying it on a shadow. */
        private Alternation.Contender psqlLoading(Path declared) {
            String psqlPath = pgDump.contains("/") ? Path.of(pgDump).resolveSibling("psql").toString() : "psql";
            return () -> {
                try (BenchDatabase empty = BenchDatabase.create(server, false, serverOutlivesRun)) {
                    ChildProcess load = new ChildProcess("psql", List.of(psqlPath, "-q", "-X", "--no-password",
                            "-v", "ON_ERROR_STOP=1", "-f", declared.toString()), server.libpqEnvironment(empty.name()));
                    return Alternation.Measured.of(load.run());
                }
            };
        }

        /**
         * {@code zanith generate --shadow database} with something to generate (the schema's own DDL and one more
         * table), whole processes, the declared graph cached: the live schema replayed on the shadow (shadow
         * templates off) and copied from the template an earlier run kept ({@code CREATE DATABASE ... TEMPLATE}),
         * beside psql loading the same DDL. The migration written is removed before every run; the templates this
         * row made are dropped afterwards.
         */
        private void generateChange(BenchDatabase schema, GeneratedSchema generated, Path work) throws Exception {
            Path declared = work.resolve("declared-change.sql");
            Files.writeString(declared, generated.ddl() + "\nCREATE TABLE public.zanith_bench_added "
                    + "(id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text);\n");
            Path migrationsDir = work.resolve("generate-change-migrations");
            Path cache = work.resolve("zanith-cache-change");
            List<String> command = List.of(zanithCli(), "generate", "--url", schema.jdbcUrl(), "--declared",
                    declared.toString(), "--migrations", migrationsDir.toString(), "--shadow", "database");
            ChildProcess replayed = new ChildProcess("zanith generate (shadow templates off)", command,
                    java.util.Map.of("ZANITH_CACHE_DIR", cache.toString(), "ZANITH_SHADOW_TEMPLATES", "off"));
            ChildProcess copied = new ChildProcess("zanith generate", command,
                    java.util.Map.of("ZANITH_CACHE_DIR", cache.toString()));
            String measure = String.format(Locale.ROOT, "`zanith generate --shadow database`, one table to generate, "
                    + "%,d models, whole process, declared graph cached", tables);
            out.println("measuring: " + measure);
            List<String> before = shadowTemplates();
            try {
                Alternation.Contender replay = () -> {
                    deleteTree(migrationsDir);
                    return Alternation.Measured.of(replayed.run());
                };
                Alternation.Contender copy = () -> {
                    deleteTree(migrationsDir);
                    return Alternation.Measured.of(copied.run());
                };
                List<Alternation.Series> series = Alternation.runAll(List.of(replay, copy, psqlLoading(declared)),
                        writeRuns);
                double floor = series.get(2).wall().median();
                add(new Row(measure + ", live schema replayed on the shadow", summary(series.get(0)),
                        "psql loading the same DDL " + summary(series.get(2)), series.get(0).wall().median() / floor,
                        "-", "ZANITH_SHADOW_TEMPLATES=off " + replayed.commandLine()));
                add(new Row(measure + ", shadow copied from its template", summary(series.get(1)),
                        "psql loading the same DDL " + summary(series.get(2)), series.get(1).wall().median() / floor,
                        "replay reused", copied.commandLine() + "   (an earlier run kept the template)"));
            } finally {
                List<String> made = new ArrayList<>(shadowTemplates());
                made.removeAll(before);
                try (Connection c = java.sql.DriverManager.getConnection(server.adminUrl()); Statement s = c.createStatement()) {
                    for (String database : made) {
                        s.execute("DROP DATABASE IF EXISTS \"" + database + "\"");
                    }
                }
            }
        }

        /** The shadow templates on the server ({@code zanith_shadow_template_*}). */
        private List<String> shadowTemplates() throws java.sql.SQLException {
            List<String> names = new ArrayList<>();
            try (Connection c = java.sql.DriverManager.getConnection(server.adminUrl()); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT datname FROM pg_catalog.pg_database "
                         + "WHERE starts_with(datname, 'zanith_shadow_template_')")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        }

        private void processRow(String measure, ChildProcess zanith, String database, String dumpProblem, String target)
                throws Exception {
            out.println("measuring: " + measure);
            if (dumpProblem != null) {
                List<Alternation.Measured> alone = new ArrayList<>();
                zanith.run();
                for (int i = 0; i < runs; i++) {
                    alone.add(Alternation.Measured.of(zanith.run()));
                }
                add(new Row(measure, summary(new Alternation.Series(alone)), "pg_dump --schema-only: " + dumpProblem,
                        Double.NaN, target, zanith.commandLine()));
                return;
            }
            ChildProcess dump = pgDumpOf(database);
            Alternation.Result r = Alternation.run(() -> Alternation.Measured.of(zanith.run()),
                    () -> Alternation.Measured.of(dump.run()), runs);
            add(new Row(measure, summary(r.first()), "pg_dump --schema-only " + summary(r.second()),
                    r.first().wall().median() / r.second().wall().median(), target,
                    zanith.commandLine() + "   vs   " + dump.commandLine()));
        }

        /** The M small SQL migrations, written once per run into the work directory. */
        private Path sqlMigrations(Path work) throws IOException {
            Path dir = work.resolve("sql-migrations");
            if (!Files.isDirectory(dir)) {
                Files.createDirectory(dir);
                PeerWorkloads.writeSqlMigrations(dir, migrations);
            }
            return dir;
        }

        /**
         * The two Spring Boot rows. First start: every round starts each application as its own process, Zanith and
         * Flyway each on a fresh copy of the schema made before the clock starts, the application without a tool on
         * one copy it never changes. Restart: the same three again on the copies the last first starts left, where
         * every migration is applied. A row's figure is the overhead, the tool's median start minus the median start
         * without a tool; the ratio is Zanith's overhead over Flyway's.
         */
        private void springStarts(BenchDatabase schema, Path work) throws Exception {
            Path dir = sqlMigrations(work);
            List<BenchDatabase> open = new ArrayList<>();
            try {
                BenchDatabase plain = BenchDatabase.create(server, false, serverOutlivesRun, schema.name());
                open.add(plain);
                BenchDatabase[] applied = new BenchDatabase[SpringStartApp.Tool.values().length];
                Alternation.Contender none = () -> Alternation.Measured.of(springStart(SpringStartApp.Tool.NONE, plain, dir).run());
                java.util.function.Function<SpringStartApp.Tool, Alternation.Contender> onFreshCopy = tool -> () -> {
                    BenchDatabase db = BenchDatabase.create(server, false, serverOutlivesRun, schema.name());
                    open.add(db);
                    Alternation.Measured m = Alternation.Measured.of(springStart(tool, db, dir).run());
                    BenchDatabase earlier = applied[tool.ordinal()];
                    applied[tool.ordinal()] = db;
                    if (earlier != null) {
                        open.remove(earlier);
                        earlier.close();
                    }
                    return m;
                };
                String first = String.format(Locale.ROOT, "Spring Boot start applying %d small SQL migrations on the "
                        + "%,d-model schema: overhead over an app without a migration tool", migrations, tables);
                out.println("measuring: " + first);
                startRow(first, Alternation.runAll(List.of(none, onFreshCopy.apply(SpringStartApp.Tool.ZANITH),
                        onFreshCopy.apply(SpringStartApp.Tool.FLYWAY)), writeRuns), "<= 1.0x", writeRuns);
                String restart = String.format(Locale.ROOT, "Spring Boot restart, %d applied migrations, nothing pending: "
                        + "overhead over an app without a migration tool", migrations);
                out.println("measuring: " + restart);
                startRow(restart, Alternation.runAll(List.of(none,
                        () -> Alternation.Measured.of(springStart(SpringStartApp.Tool.ZANITH,
                                applied[SpringStartApp.Tool.ZANITH.ordinal()], dir).run()),
                        () -> Alternation.Measured.of(springStart(SpringStartApp.Tool.FLYWAY,
                                applied[SpringStartApp.Tool.FLYWAY.ordinal()], dir).run())), runs), "<= 0.5x", runs);
            } finally {
                for (BenchDatabase db : open) {
                    db.close();
                }
            }
        }

        private ChildProcess springStart(SpringStartApp.Tool tool, BenchDatabase db, Path dir) {
            String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            return new ChildProcess("Spring Boot start (" + tool.name().toLowerCase(Locale.ROOT) + ")",
                    List.of(javaCommand, "-cp", System.getProperty("java.class.path"), SpringStartApp.class.getName(),
                            tool.name().toLowerCase(Locale.ROOT), db.jdbcUrl(), dir.toString()), java.util.Map.of());
        }

        /** A start row from the series of none, Zanith and Flyway, in that order. */
        private void startRow(String measure, List<Alternation.Series> series, String target, int rounds) {
            double none = series.get(0).wall().median();
            double zanith = series.get(1).wall().median() - none;
            double flyway = series.get(2).wall().median() - none;
            add(new Row(measure, String.format(Locale.ROOT, "%s%s (start %s)", zanith < 0 ? "-" : "+",
                    seconds(Math.abs(zanith)), seconds(series.get(1).wall().median())),
                    String.format(Locale.ROOT, "Spring Boot's Flyway %s%s (start %s; without a tool %s)",
                            flyway < 0 ? "-" : "+", seconds(Math.abs(flyway)), seconds(series.get(2).wall().median()),
                            seconds(none)),
                    flyway > 0 ? zanith / flyway : Double.NaN, target,
                    "whole processes (" + SpringStartApp.class.getSimpleName() + "): the same Spring Boot application "
                            + "with Zanith's starter, with Spring Boot's Flyway support, or with neither; medians of "
                            + rounds + " rotated rounds; ratio = Zanith's overhead / Flyway's"));
        }

        private void applyAndPlan(BenchDatabase schema, Path work, String dumpProblem) throws Exception {
            Path dir = sqlMigrations(work);
            String measure = String.format(Locale.ROOT, "applying %d small SQL migrations on the %,d-model schema",
                    migrations, tables);
            out.println("measuring: " + measure);
            List<BenchDatabase> last = new ArrayList<>(1);
            try {
                Alternation.Result r = Alternation.run(() -> {
                    BenchDatabase db = BenchDatabase.create(server, false, serverOutlivesRun, schema.name());
                    try {
                        Zanith zanith = new Zanith(ZanithConfig.builder().url(db.jdbcUrl())
                                .migrations(new DirectoryMigrationSource(dir)).build());
                        long start = System.nanoTime();
                        ApplyResult result = zanith.apply(ApplyListener.NONE);
                        double millis = Timings.millisSince(start);
                        if (!result.succeeded() || result.appliedCount() != migrations) {
                            throw new IllegalStateException("Zanith applied " + result.appliedCount() + " of " + migrations
                                    + " migrations: " + (result.refused() ? result.refusal()
                                    : result.failedStep().map(s -> s.error()).orElse("?")));
                        }
                        for (BenchDatabase earlier : last) {
                            earlier.close();
                        }
                        last.clear();
                        last.add(db);
                        return Alternation.Measured.wall(millis);
                    } catch (Exception | Error e) {
                        db.close();
                        throw e;
                    }
                }, () -> {
                    try (BenchDatabase db = BenchDatabase.create(server, false, serverOutlivesRun, schema.name())) {
                        Flyway flyway = Flyway.configure()
                                .dataSource(db.jdbcUrl(), server.parameters().get("user"), server.parameters().get("password"))
                                .locations("filesystem:" + dir)
                                // The schema is not empty (the generated models): baseline at 0, then run V001...
                                .baselineOnMigrate(true).baselineVersion("0")
                                .load();
                        long start = System.nanoTime();
                        MigrateResult result = flyway.migrate();
                        double millis = Timings.millisSince(start);
                        if (!result.success || result.migrationsExecuted != migrations) {
                            throw new IllegalStateException("Flyway executed " + result.migrationsExecuted + " of "
                                    + migrations + " migrations");
                        }
                        return Alternation.Measured.wall(millis);
                    }
                }, writeRuns);
                add(new Row(measure, summary(r.first()), "Flyway " + flywayVersion() + " migrate " + summary(r.second()), r.first().wall().median() / r.second().wall().median(),
                        "<= 1.0x", "in process: Zanith.apply (facade, default configuration) vs Flyway.migrate(), "
                        + "each on a fresh copy of the schema, same " + migrations + " files"));
                if (measures.contains(Measure.PLAN)) {
                    BenchDatabase planned = last.get(0);
                    ChildProcess plan = new ChildProcess("zanith plan", List.of(zanithCli(), "plan", "--url",
                            planned.jdbcUrl(), "--migrations", dir.toString()), java.util.Map.of());
                    processRow(String.format(Locale.ROOT, "`zanith plan`, nothing pending (%d applied), same schema",
                            migrations), plan, planned.name(), dumpProblem, "<= 1.0x");
                }
            } finally {
                for (BenchDatabase db : last) {
                    db.close();
                }
            }
        }

        private void backfill(Path work) throws Exception {
            Path dir = Files.createDirectory(work.resolve("backfill"));
            PeerWorkloads.writeBackfillMigration(dir);
            String measure = String.format(Locale.ROOT, "backfill of %,d rows (YAML `backfill`)", backfillRows);
            out.println("measuring: " + measure);
            try (BenchDatabase filled = BenchDatabase.create(server, false, serverOutlivesRun)) {
                try (Connection c = filled.connect(); Statement s = c.createStatement()) {
                    s.execute(PeerWorkloads.backfillTable(backfillRows));
                    s.execute("VACUUM (ANALYZE) " + PeerWorkloads.BACKFILL_TABLE);
                }
                long[] zanithWait = {0};
                long[] updateWait = {0};
                Alternation.Result r = Alternation.run(() -> {
                    try (BenchDatabase db = BenchDatabase.create(server, false, serverOutlivesRun, filled.name());
                         Writer writer = new Writer(db)) {
                        Zanith zanith = new Zanith(ZanithConfig.builder().url(db.jdbcUrl())
                                .migrations(new DirectoryMigrationSource(dir)).build());
                        long start = System.nanoTime();
                        ApplyResult result = zanith.apply(ApplyListener.NONE);
                        double millis = Timings.millisSince(start);
                        if (!result.succeeded() || result.appliedCount() != 1) {
                            throw new IllegalStateException("the backfill did not apply: " + (result.refused()
                                    ? result.refusal() : result.failedStep().map(s -> s.error()).orElse("?")));
                        }
                        zanithWait[0] = Math.max(zanithWait[0], writer.stop());
                        return Alternation.Measured.wall(millis);
                    }
                }, () -> {
                    try (BenchDatabase db = BenchDatabase.create(server, false, serverOutlivesRun, filled.name());
                         Writer writer = new Writer(db);
                         Connection c = db.connect(); Statement s = c.createStatement()) {
                        long start = System.nanoTime();
                        long updated = s.executeUpdate(PeerWorkloads.singleUpdate());
                        double millis = Timings.millisSince(start);
                        if (updated != backfillRows) {
                            throw new IllegalStateException("the UPDATE changed " + updated + " rows");
                        }
                        updateWait[0] = Math.max(updateWait[0], writer.stop());
                        return Alternation.Measured.wall(millis);
                    }
                }, writeRuns);
                double zanithRate = backfillRows / (r.first().wall().median() / 1000);
                double updateRate = backfillRows / (r.second().wall().median() / 1000);
                add(new Row(measure, String.format(Locale.ROOT, "%s rows/s (median %s; writer waited <= %d ms)",
                        thousands(zanithRate), seconds(r.first().wall().median()), zanithWait[0]),
                        String.format(Locale.ROOT, "one UPDATE %s rows/s (median %s; writer waited <= %d ms)",
                                thousands(updateRate), seconds(r.second().wall().median()), updateWait[0]),
                        zanithRate / updateRate, ">= 0.6x, writer <= 250 ms" + (zanithWait[0] <= 250 ? "" : " (writer NOT MET)"),
                        "in process: Zanith.apply of a YAML backfill (default batch settings) vs "
                                + PeerWorkloads.singleUpdate() + ", each on a fresh copy; ratio = throughput"));
            }
        }

        private String table() {
            StringBuilder t = new StringBuilder();
            t.append("| measure | Zanith | peer | ratio | target |\n|---|---|---|---|---|\n");
            for (Row row : rows) {
                t.append("| ").append(row.measure()).append(" | ").append(row.zanith()).append(" | ").append(row.peer())
                        .append(" | ").append(Double.isNaN(row.ratio()) ? "n/a" : String.format(Locale.ROOT, "%.2fx", row.ratio()))
                        .append(" | ").append(row.target()).append(" |\n");
            }
            t.append('\n').append(String.format(Locale.ROOT,
                    "medians of %d alternated rounds (process rows) / %d rounds (apply, backfill), each after one warm-up%n",
                    runs, writeRuns));
            for (Row row : rows) {
                t.append("- ").append(row.measure()).append(": ").append(row.how()).append('\n');
            }
            notes.forEach(n -> t.append("- ").append(n).append('\n'));
            return t.toString();
        }
    }

    /** Flyway's version from its Maven metadata (the shaded jar's manifest is the benchmark's own). */
    private static String flywayVersion() {
        try (var in = Flyway.class.getResourceAsStream("/META-INF/maven/org.flywaydb/flyway-core/pom.properties")) {
            java.util.Properties p = new java.util.Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "(version unknown)");
        } catch (IOException e) {
            return "(version unknown)";
        }
    }

    /** "1.23 s wall, 0.80 s CPU, 163 MiB" for a series. */
    private static String summary(Alternation.Series series) {
        StringBuilder s = new StringBuilder(seconds(series.wall().median())).append(" wall");
        double cpu = series.medianCpu();
        if (!Double.isNaN(cpu)) {
            s.append(", ").append(seconds(cpu)).append(" CPU");
        }
        long rss = series.maxRssKib();
        if (rss > 0) {
            s.append(", ").append(rss / 1024).append(" MiB");
        }
        return s.toString();
    }

    private static String seconds(double millis) {
        return millis < 1000 ? String.format(Locale.ROOT, "%.0f ms", millis) : String.format(Locale.ROOT, "%.2f s", millis / 1000);
    }

    private static String thousands(double value) {
        return value >= 10_000 ? String.format(Locale.ROOT, "%.1fk", value / 1000) : String.format(Locale.ROOT, "%.0f", value);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** One row of the table. */
    private record Row(String measure, String zanith, String peer, double ratio, String target, String how) {
    }

    /**
     * A concurrent application writer: single-row updates of random keys of the backfill table, one every 5 ms,
     * each in its own transaction; {@link #stop()} returns the longest any of them took, in milliseconds.
     */
    private final class Writer implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong longestNanos = new AtomicLong();
        private final Thread thread;
        private final Connection connection;

        Writer(BenchDatabase db) throws SQLException {
            connection = db.connect();
            connection.setAutoCommit(true);
            thread = new Thread(this::loop, "zanith-bench-writer");
            thread.setDaemon(true);
            thread.start();
        }

        private void loop() {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE public." + PeerWorkloads.BACKFILL_TABLE + " SET amount = amount WHERE id = ?")) {
                while (running.get()) {
                    update.setLong(1, ThreadLocalRandom.current().nextLong(1, backfillRows + 1));
                    long start = System.nanoTime();
                    update.executeUpdate();
                    longestNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
                    Thread.sleep(5);
                }
            } catch (SQLException | InterruptedException e) {
                if (running.get()) {
                    System.err.println("zanith-bench peers: the concurrent writer stopped: " + e.getMessage());
                }
            }
        }

        long stop() throws InterruptedException {
            running.set(false);
            thread.join();
            return longestNanos.get() / 1_000_000;
        }

        @Override
        public void close() throws Exception {
            if (running.get()) {
                stop();
            }
            connection.close();
        }
    }
}
