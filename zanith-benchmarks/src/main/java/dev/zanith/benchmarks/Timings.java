package dev.zanith.benchmarks;

import java.util.Arrays;
import java.util.List;

/** Wall times of the measured runs of one thing, in milliseconds. */
record Timings(List<Double> millis) {

    Timings {
        if (millis.isEmpty()) {
            throw new IllegalArgumentException("no runs");
        }
        millis = List.copyOf(millis);
    }

    double min() {
        return sorted()[0];
    }

    double max() {
        double[] sorted = sorted();
        return sorted[sorted.length - 1];
    }

    double median() {
        double[] sorted = sorted();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private double[] sorted() {
        double[] values = millis.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(values);
        return values;
    }

    static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000.0;
    }
}
