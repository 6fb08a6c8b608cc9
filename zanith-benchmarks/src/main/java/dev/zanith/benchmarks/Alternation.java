package dev.zanith.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * Contenders measured in turns: one warm-up each, then {@code runs} rounds in which the order rotates every
 * round (two: A B, B A, A B, …), so that a machine getting busier or quieter weighs on all alike. Medians are what the
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
        List<Series> both = runAll(List.of(first, second), runs);
        return new Result(both.get(0), both.get(1));
    }

    /**
     * Any number of contenders in turns: one warm-up each, then {@code runs} rounds, each starting one contender
     * further on (A B C, B C A, C A B, …; for two, the flip above). The series come back in the contenders' order.
     */
    static List<Series> runAll(List<Contender> contenders, int runs) throws Exception {
        int n = contenders.size();
        List<List<Measured>> measured = new ArrayList<>();
        for (Contender contender : contenders) {
            contender.once();
            measured.add(new ArrayList<>());
        }
        for (int round = 0; round < runs; round++) {
            for (int k = 0; k < n; k++) {
                int which = (round + k) % n;
                measured.get(which).add(contenders.get(which).once());
            }
        }
        return measured.stream().map(Series::new).toList();
    }
}
