package dev.zanith.api.schema;

import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Helpers that keep model collections immutable and canonically ordered. */
final class Lists {

    private Lists() {
    }

    static <T> List<T> copy(@Nullable List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    static <T> List<T> sorted(@Nullable List<T> values, Comparator<? super T> order) {
        return values == null ? List.of() : values.stream().sorted(order).toList();
    }

    static String require(@Nullable String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return value;
    }
}
