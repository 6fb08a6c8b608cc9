package dev.zanith.api.ops;

/** Validation for operation fields; messages name the field as it is spelled in migration files. */
final class Require {

    private Require() {
    }

    static <T> T present(T value, String kind, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new IllegalArgumentException(kind + " requires '" + field + "'");
        }
        return value;
    }
}
