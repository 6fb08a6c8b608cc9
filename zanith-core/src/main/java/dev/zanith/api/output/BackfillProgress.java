package dev.zanith.api.output;

import dev.zanith.api.schema.TableName;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Where a backfill stands after a batch.
 *
 * @param processedRows  rows updated so far, earlier (interrupted) runs included
 * @param estimatedTotal the planner's estimate of all rows to update, or null when unknown
 * @param rowsPerSecond  the rate of this run so far
 * @param eta            the estimated time left, or null when unknown
 * @param finished       whether this was the last batch
 */
public record BackfillProgress(TableName table, long processedRows, @Nullable Long estimatedTotal, long batches,
                               double rowsPerSecond, @Nullable Duration eta, boolean finished) {

    /** Completion from 0 to 1, or -1 when the total is unknown. */
    public double fraction() {
        if (finished) {
            return 1;
        }
        if (estimatedTotal == null || estimatedTotal <= 0) {
            return -1;
        }
        return Math.min(1, (double) processedRows / estimatedTotal);
    }
}
