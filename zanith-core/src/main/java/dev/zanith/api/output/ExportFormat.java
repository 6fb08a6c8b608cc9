package dev.zanith.api.output;

import java.util.Locale;

/** How {@code recover export} writes rows. */
public enum ExportFormat {
    /** A header line, then one line per row (PostgreSQL's CSV: NULL is an empty field, "" an empty string). */
    CSV,
    /** One JSON object per line, keys in column order. */
    JSONL,
    /** One JSON array of objects. */
    JSON;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
