package dev.zanith.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Times {@code pg_dump --schema-only} on the benchmark database: the yardstick for introspection. A missing
 * pg_dump, or one that refuses the server (pg_dump refuses servers newer than itself), is a finding to print,
 * not a failure of the run.
 */
final class PgDump {

    private static final long TIMEOUT_MINUTES = 30;

    private final String executable;

    PgDump(String executable) {
        this.executable = executable;
    }

    /** One warm-up, then {@code runs} timed runs. */
    Result measure(ServerAddress server, String database, int runs) {
        String version;
        try {
            Outcome outcome = run(List.of(executable, "--version"), Map.of());
            version = outcome.exitCode() == 0 ? outcome.output().trim() : executable;
        } catch (IOException e) {
            return Result.unavailable(executable, "pg_dump not found (" + executable + "); pass --pg-dump PATH");
        }
        List<String> command = List.of(executable, "--schema-only", "--no-password");
        Map<String, String> environment = server.libpqEnvironment(database);
        List<Double> millis = new ArrayList<>();
        try {
            for (int run = 0; run <= runs; run++) {
                long start = System.nanoTime();
                Outcome outcome = run(command, environment);
                double elapsed = Timings.millisSince(start);
                if (outcome.exitCode() != 0) {
                    return Result.unavailable(version, "pg_dump exited with " + outcome.exitCode() + ": "
                            + firstLines(outcome.errors()));
                }
                if (run > 0) { // run 0 warms the server's caches, as it does for introspection
                    millis.add(elapsed);
                }
            }
        } catch (IOException e) {
            return Result.unavailable(version, "pg_dump could not run: " + e.getMessage());
        }
        return new Result(version, new Timings(millis), null);
    }

    private static Outcome run(List<String> command, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullFile()));
        builder.environment().putAll(environment);
        boolean versionOnly = command.contains("--version");
        if (!versionOnly) {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD); // the dump itself is not needed
        }
        Process process = builder.start();
        try {
            // stdout is discarded or tiny, stderr holds at most a few error lines: reading one, then the other, cannot block.
            String output = versionOnly ? new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8) : "";
            String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("pg_dump did not finish within " + TIMEOUT_MINUTES + " minutes");
            }
            return new Outcome(process.exitValue(), output, errors);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for pg_dump", e);
        }
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String firstLines(String errors) {
        String lines = errors.lines().map(String::strip).filter(l -> !l.isEmpty()).limit(3)
                .collect(Collectors.joining(" / "));
        return lines.isEmpty() ? "no error message" : lines;
    }

    private record Outcome(int exitCode, String output, String errors) {
    }

    /** Timings, or why there are none. */
    record Result(String version, Timings timings, String problem) {

        static Result unavailable(String version, String problem) {
            return new Result(version, null, problem);
        }

        boolean measured() {
            return timings != null;
        }
    }
}
