package dev.zanith.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * Two contenders measured in turns: one warm-up each, then {@code runs} rounds in which the order flips every
 * round (A B, B A, A B, …), so that a machine getting busier or quieter weighs on both alike. Medians are what the
 * report compares.
 */
final class Alternation {

    /** One contender: does its work once and returns what it measured (it may time only part of its work). */
    interface Contender {
        Measured once() throws Exception;
    }

    /** What one run measured: wall milliseconds, CPU milliseconds ({@code NaN}: unknown), peak RSS KiB (-1: unknown). */
    record Measured(double wallMillis, double cpuMillis, long peakRssKib) {

        static Measured wall(double millis) {
            return new Measured(millis, Double.NaN, -1);
        }

        static Measured of(ChildProcess.Sample sample) {
            return new Measured(sample.wallMillis(), sample.cpuMillis(), sample.peakRssKib());
        }
    }

    /** The runs of one contender. */
    record Series(List<Measured> runs) {

        Timings wall() {
            return new Timings(runs.stream().map(Measured::wallMillis).toList());
        }

        /** Median CPU milliseconds, or NaN when unknown. */
        double medianCpu() {
            List<Double> cpu = runs.stream().map(Measured::cpuMillis).filter(v -> !v.isNaN()).toList();
            return cpu.isEmpty() ? Double.NaN : new Timings(cpu).median();
        }

        /** Largest peak RSS in KiB, or -1 when unknown. */
        long maxRssKib() {
            return runs.stream().mapToLong(Measured::peakRssKib).max().orElse(-1);
        }
    }

    record Result(Series first, Series second) {
    }

    private Alternation() {
    }

    static Result run(Contender first, Contender second, int runs) throws Exception {
        first.once();
        second.once();
        List<Measured> a = new ArrayList<>();
        List<Measured> b = new ArrayList<>();
        for (int round = 0; round < runs; round++) {
            if (round % 2 == 0) {
                a.add(first.once());
                b.add(second.once());
            } else {
                b.add(second.once());
                a.add(first.once());
            }
        }
        return new Result(new Series(a), new Series(b));
    }
}
