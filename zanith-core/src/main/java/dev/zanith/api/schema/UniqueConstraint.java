package dev.zanith.api.schema;

import java.util.List;

/** A UNIQUE constraint (backed by a unique index of the same name). */
public record UniqueConstraint(String name, List<String> columns, List<String> include, boolean nullsNotDistinct,
                               boolean deferrable, boolean initiallyDeferred) {

    public UniqueConstraint {
        Lists.require(name, "unique constraint name");
        columns = Lists.copy(columns);
        include = Lists.copy(include);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("unique constraint " + name + " needs at least one column");
        }
    }

    public static UniqueConstraint of(String name, List<String> columns) {
        return new UniqueConstraint(name, columns, List.of(), false, false, false);
    }
}
