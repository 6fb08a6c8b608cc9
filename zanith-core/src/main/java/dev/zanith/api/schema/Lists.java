package dev.zanith.api.schema;

import java.util.Comparator;
import java.util.List;

/** Helpers that keep model collections immutable and canonically ordered. */
final class Lists {

    private Lists() {
    }

    static <T> List<T> copy(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    static <T> List<T> sorted(List<T> values, Comparator<? super T> order) {
        return values == null ? List.of() : values.stream().sorted(order).toList();
    }

    static String require(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return value;
    }
}
