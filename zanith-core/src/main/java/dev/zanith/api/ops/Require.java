package dev.zanith.api.ops;

import org.jspecify.annotations.Nullable;

/** Validation for operation fields; messages name the field as it is spelled in migration files. */
final class Require {

    private Require() {
    }

    static <T> T present(@Nullable T value, String kind, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new IllegalArgumentException(kind + " requires '" + field + "'");
        }
        return value;
    }
}
