package dev.zanith.schema;

/**
 * Size facts about a table, for the risk model. Estimates from the catalog ({@code pg_class.reltuples}),
 * not counts; never part of a graph's equality or fingerprint.
 *
 * @param estimatedRows planner estimate of live rows; -1 when the table was never vacuumed or analyzed
 * @param totalBytes    {@code pg_total_relation_size}: heap, indexes and TOAST
 */
public record TableStatistics(long estimatedRows, long totalBytes) {

    public static final TableStatistics UNKNOWN = new TableStatistics(-1, 0);

    /** Whether the planner has ever measured the table. */
    public boolean isKnown() {
        return estimatedRows >= 0;
    }
}
