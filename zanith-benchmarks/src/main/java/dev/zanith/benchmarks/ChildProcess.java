package dev.zanith.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a whole process (a CLI invocation, pg_dump) and measures it as a user would see it: wall time, and — when
 * GNU time is installed at {@code /usr/bin/time} — the CPU seconds (user + system) and the peak resident memory
 * the process and its children used. Standard output is discarded; a non-zero exit is an error with the first
 * lines of standard error.
 */
final class ChildProcess {

    private static final long TIMEOUT_MINUTES = 30;
    private static final File GNU_TIME = new File("/usr/bin/time");

    private final String label;
    private final List<String> command;
    private final Map<String, String> environment;

    ChildProcess(String label, List<String> command, Map<String, String> environment) {
        this.label = label;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
    }

    String label() {
        return label;
    }

    /** The command as a shell line (environment not shown), for the report. */
    String commandLine() {
        return String.join(" ", command);
    }

    /** One run; CPU and memory are {@code NaN} / -1 without GNU time. */
    Sample run() throws IOException {
        Path usage = GNU_TIME.canExecute() ? Files.createTempFile("zanith-bench-time", ".txt") : null;
        List<String> full = new ArrayList<>();
        if (usage != null) {
            // %U %S: user and system CPU seconds; %M: peak resident set in KiB.
            full.addAll(List.of(GNU_TIME.getPath(), "-o", usage.toString(), "-f", "%U %S %M"));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException(label + " did not finish within " + TIMEOUT_MINUTES + " minutes");
            }
            double wall = Timings.millisSince(start);
            if (process.exitValue() != 0) {
                throw new IOException(label + " exited with " + process.exitValue() + ": " + firstLines(errors));
            }
            double cpu = Double.NaN;
            long rssKib = -1;
            if (usage != null) {
                String[] parts = Files.readString(usage).strip().split("\\s+");
                if (parts.length == 3) {
                    cpu = (Double.parseDouble(parts[0]) + Double.parseDouble(parts[1])) * 1000;
                    rssKib = Long.parseLong(parts[2]);
                }
            }
            return new Sample(wall, cpu, rssKib);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + label, e);
        } finally {
            if (usage != null) {
                Files.deleteIfExists(usage);
            }
        }
    }

    private static String firstLines(String errors) {
        List<String> lines = errors.lines().map(String::strip).filter(l -> !l.isEmpty()).limit(3).toList();
        return lines.isEmpty() ? "no error message" : String.join(" / ", lines);
    }

    /** One measured run: wall and CPU milliseconds, peak resident KiB (-1: unknown). */
    record Sample(double wallMillis, double cpuMillis, long peakRssKib) {
    }
}
