package dev.zanith.api.schema;

/**
 * Size facts about a table, for the risk model. Estimates from the catalog ({@code pg_class.reltuples}),
 * not counts; never part of a graph's equality or fingerprint.
 *
 * @param estimatedRows planner estimate of live rows; -1 when the table was never vacuumed or analyzed
 * @param totalBytes    {@code pg_total_relation_size}: heap, indexes and TOAST
 */
public record TableStatistics(long estimatedRows, long totalBytes) {

    public static final TableStatistics UNKNOWN = new TableStatistics(-1, 0);

    /**
     * A byte count for people, in binary units (1 kB = 1024 B): {@code 512 B}, {@code 1.5 kB}, {@code 340 MB}
     * (three significant digits at most, {@code TB} the largest unit).
     */
    public static String formatBytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, value >= 100 ? "%.0f %s" : "%.1f %s", value, units[unit]);
    }

    /** Whether the planner has ever measured the table. */
    public boolean isKnown() {
        return estimatedRows >= 0;
    }
}
