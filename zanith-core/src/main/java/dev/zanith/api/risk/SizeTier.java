package dev.zanith.api.risk;

import dev.zanith.api.schema.TableStatistics;

/**
 * How big a table is, as far as locks and rewrites care. Cut-offs: a small table is rewritten or scanned in
 * well under a second; a huge one takes minutes to hours, holding its lock all the while.
 */
public enum SizeTier {
    EMPTY, SMALL, LARGE, HUGE;

    /** Below this many rows (and {@link #SMALL_BYTES}) a table is small. */
    public static final long SMALL_ROWS = 100_000;
    public static final long SMALL_BYTES = 100L * 1024 * 1024;
    /** From this many rows (or {@link #HUGE_BYTES}) a table is huge. */
    public static final long HUGE_ROWS = 10_000_000;
    public static final long HUGE_BYTES = 10L * 1024 * 1024 * 1024;

    /**
     * The tier statistics suggest; a table the catalog says has no rows and almost no pages is empty, a table
     * never analyzed is sized by its bytes alone.
     */
    public static SizeTier of(TableStatistics statistics) {
        long rows = statistics.estimatedRows();
        long bytes = statistics.totalBytes();
        if (rows == 0 && bytes < 1024 * 1024) {
            return EMPTY;
        }
        if (rows >= HUGE_ROWS || bytes >= HUGE_BYTES) {
            return HUGE;
        }
        if (rows >= SMALL_ROWS || bytes >= SMALL_BYTES) {
            return LARGE;
        }
        return SMALL;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
