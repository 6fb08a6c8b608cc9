package dev.zanith.api.output;

import org.jspecify.annotations.Nullable;

/**
 * The checksum of parked data: how many rows, and the sum of a 64-bit hash of each row's text form. Order and
 * physical layout do not matter; any changed, added or removed row changes it.
 *
 * @param rows    rows hashed
 * @param hashSum the sum of their hashes (a decimal number)
 * @param bytes   size of the data (sum of the rows' sizes)
 */
public record ParkedChecksum(long rows, String hashSum, long bytes) {

    /** The prefix of the stored form. */
    public static final String PREFIX = "sum64:";

    /** The stored form ({@code checksum} column): {@code sum64:<hash sum>}. */
    public String value() {
        return PREFIX + hashSum;
    }

    /** Whether this matches what was stored: the same checksum and the same row count. */
    public boolean matches(@Nullable String checksum, @Nullable Long rowCount) {
        return value().equals(checksum) && rowCount != null && rowCount == rows;
    }

    /** "1,204 rows, sum64:-83…". */
    public String describe() {
        return describe(value(), rows);
    }

    public static String describe(@Nullable String checksum, @Nullable Long rows) {
        return String.format(java.util.Locale.ROOT, "%,d rows, checksum %s", rows == null ? 0 : rows, checksum);
    }
}
