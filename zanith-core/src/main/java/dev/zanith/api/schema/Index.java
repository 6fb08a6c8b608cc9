package dev.zanith.api.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An index that does not back a constraint.
 *
 * @param keys              key elements exactly as {@code pg_get_indexdef()} prints them: a column
 *                          ({@code email}), an expression ({@code lower(email)}), with collation, operator
 *                          class and ordering where given ({@code created_at DESC})
 * @param include           INCLUDE columns
 * @param predicate         the partial-index predicate, or null
 * @param storageParameters {@code WITH (...)} options such as {@code fillfactor=70}
 * @param valid             false for an index left INVALID by a failed concurrent build
 */
public record Index(String name, boolean unique, String method, List<String> keys, List<String> include,
                    boolean nullsNotDistinct, @Nullable String predicate, List<String> storageParameters,
                    boolean valid) {

    public Index {
        Lists.require(name, "index name");
        method = method == null ? "btree" : method;
        keys = Lists.copy(keys);
        include = Lists.copy(include);
        storageParameters = Lists.copy(storageParameters);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("index " + name + " needs at least one key");
        }
    }

    /** Reads an index; left out, {@code valid} means valid. */
    @JsonCreator
    static Index json(@JsonProperty("name") String name, @JsonProperty("unique") boolean unique,
                      @JsonProperty("method") @Nullable String method, @JsonProperty("keys") List<String> keys,
                      @JsonProperty("include") @Nullable List<String> include,
                      @JsonProperty("nullsNotDistinct") boolean nullsNotDistinct,
                      @JsonProperty("predicate") @Nullable String predicate,
                      @JsonProperty("storageParameters") @Nullable List<String> storageParameters,
                      @JsonProperty("valid") @Nullable Boolean valid) {
        return new Index(name, unique, method, keys, include, nullsNotDistinct, predicate, storageParameters,
                valid == null || valid);
    }

    /** A valid, non-unique btree index over plain keys. */
    public static Index of(String name, List<String> keys) {
        return new Index(name, false, "btree", keys, List.of(), false, null, List.of(), true);
    }

    /** The same index, ignoring whether it is valid (for comparing definitions). */
    public Index asValid() {
        return valid ? this : new Index(name, unique, method, keys, include, nullsNotDistinct, predicate,
                storageParameters, true);
    }

    public Index withName(String newName) {
        return new Index(newName, unique, method, keys, include, nullsNotDistinct, predicate, storageParameters, valid);
    }
}
