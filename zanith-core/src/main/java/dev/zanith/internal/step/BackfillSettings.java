package dev.zanith.internal.step;

import java.time.Duration;

/**
 * How backfills run: rows per batch (each batch its own short transaction) unless the operation sets its own,
 * and a pause between batches that leaves room for the application's own writes and for replication.
 */
public record BackfillSettings(int batchSize, Duration pause) {

    public static final int DEFAULT_BATCH_SIZE = 1000;
    public static final Duration DEFAULT_PAUSE = Duration.ZERO;

    public BackfillSettings {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be positive, not " + batchSize);
        }
        if (pause == null || pause.isNegative()) {
            throw new IllegalArgumentException("pause must be zero or positive");
        }
    }

    public static BackfillSettings defaults() {
        return new BackfillSettings(DEFAULT_BATCH_SIZE, DEFAULT_PAUSE);
    }
}
