package dev.zanith.api.output;

import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/**
 * A drop and an add that look like a rename (same type, same table), which Zanith never guesses: the user
 * confirms with the {@link #hint()} flag or keeps the drop + add.
 *
 * @param table  the table (for a column) or null (for a table rename)
 * @param before the dropped name
 * @param after  the added name
 */
public record RenameSuspect(@Nullable TableName table, String before, String after) {

    /** The {@code --rename} flag that would turn the drop + add into a rename. */
    public String hint() {
        return table == null ? "--rename " + before + "=" + after
                : "--rename " + table.name() + "." + before + "=" + table.name() + "." + after;
    }

    public String describe() {
        return table == null ? "table " + before + " dropped and table " + after + " added with the same columns"
                : "column " + table + "." + before + " dropped and " + after + " added with the same type";
    }
}
