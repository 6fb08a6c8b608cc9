package dev.zanith.internal.step;

import java.time.Duration;

/**
 * How backfills run: rows per batch (each batch its own short transaction) unless the operation sets its own, a
 * pause between batches that leaves room for the application's own writes and for replication, and the target
 * duration of one batch.
 *
 * @param batchSize           rows of the first batch, or of every batch when {@code targetBatchDuration} is zero
 * @param pause               pause between batches (zero: none)
 * @param targetBatchDuration with a positive value, batch sizes adapt after every batch so that a batch takes about
 *                            this long (between {@link #MIN_ADAPTIVE_BATCH} and {@link #MAX_ADAPTIVE_BATCH} rows, at
 *                            most halved or doubled at a time); a concurrent writer of a row in the batch waits at
 *                            most about one batch. Zero: every batch has {@code batchSize} rows. An operation's own
 *                            {@code batchSize} always fixes that step's batches.
 */
public record BackfillSettings(int batchSize, Duration pause, Duration targetBatchDuration) {

    public static final int DEFAULT_BATCH_SIZE = 1000;
    public static final Duration DEFAULT_PAUSE = Duration.ZERO;
    /** Well below the 250 ms a single-row writer may wait behind a batch (the batch's row locks). */
    public static final Duration DEFAULT_TARGET_BATCH_DURATION = Duration.ofMillis(100);
    public static final int MIN_ADAPTIVE_BATCH = 10;
    public static final int MAX_ADAPTIVE_BATCH = 100_000;

    public BackfillSettings {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be positive, not " + batchSize);
        }
        if (pause == null || pause.isNegative()) {
            throw new IllegalArgumentException("pause must be zero or positive");
        }
        if (targetBatchDuration == null || targetBatchDuration.isNegative()) {
            throw new IllegalArgumentException("targetBatchDuration must be zero or positive");
        }
    }

    /** Fixed batches of {@code batchSize} rows. */
    public BackfillSettings(int batchSize, Duration pause) {
        this(batchSize, pause, Duration.ZERO);
    }

    /** Adaptive batches from {@value #DEFAULT_BATCH_SIZE} rows aiming at 100 ms, no pause. */
    public static BackfillSettings defaults() {
        return new BackfillSettings(DEFAULT_BATCH_SIZE, DEFAULT_PAUSE, DEFAULT_TARGET_BATCH_DURATION);
    }

    public boolean adaptive() {
        return !targetBatchDuration.isZero();
    }

    /**
     * The size of the batch after one of {@code size} rows that took {@code elapsedNanos}: scaled towards the
     * target, at most halved or doubled, within the adaptive bounds.
     */
    public int nextBatchSize(int size, long elapsedNanos) {
        double factor = (double) targetBatchDuration.toNanos() / Math.max(elapsedNanos, 1);
        double scaled = size * Math.max(0.5, Math.min(2.0, factor));
        return (int) Math.max(MIN_ADAPTIVE_BATCH, Math.min(MAX_ADAPTIVE_BATCH, Math.round(scaled)));
    }
}
