package dev.zanith.api.schema;

import java.util.List;

/** A table's primary key constraint. */
public record PrimaryKey(String name, List<String> columns, List<String> include, boolean deferrable,
                         boolean initiallyDeferred) {

    public PrimaryKey {
        Lists.require(name, "primary key name");
        columns = Lists.copy(columns);
        include = Lists.copy(include);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("primary key " + name + " needs at least one column");
        }
    }

    public static PrimaryKey of(String name, List<String> columns) {
        return new PrimaryKey(name, columns, List.of(), false, false);
    }
}
