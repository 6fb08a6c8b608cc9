package dev.zanith.api.risk;

import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/**
 * A table ({@code column} null) or one of its columns, by its name in the live database: the key of the
 * "does it hold data" facts the planner measures.
 */
public record DataRef(TableName table, @Nullable String column) {

    public static DataRef table(TableName table) {
        return new DataRef(table, null);
    }

    public static DataRef column(TableName table, @Nullable String column) {
        return new DataRef(table, column);
    }

    @Override
    public String toString() {
        return column == null ? table.toString() : table + "." + column;
    }
}
