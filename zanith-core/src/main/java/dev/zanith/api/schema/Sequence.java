package dev.zanith.api.schema;

import org.jspecify.annotations.Nullable;

/**
 * A sequence that is not an identity column's (those live on {@link Column#identity()}); typically a
 * {@code serial} column's, owned by that column.
 *
 * @param ownedByTable  the owning table (same schema) or null
 * @param ownedByColumn the owning column or null
 */
public record Sequence(String schema, String name, SequenceOptions options, @Nullable String ownedByTable,
                       @Nullable String ownedByColumn) {

    public Sequence {
        Lists.require(schema, "sequence schema");
        Lists.require(name, "sequence name");
        if (options == null) {
            throw new IllegalArgumentException("sequence " + name + " needs options");
        }
    }

    public TableName qualifiedName() {
        return new TableName(schema, name);
    }
}
