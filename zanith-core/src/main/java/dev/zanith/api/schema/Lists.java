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
        if (values == null) {
            return List.of();
        }
        // A graph is built again with each with...() (a dozen times per refresh after every migration), nearly always
        // from lists already in order: those are only checked, and kept when already immutable (List.copyOf).
        T previous = null;
        boolean first = true;
        for (T value : values) {
            if (value == null || (!first && order.compare(previous, value) > 0)) {
                return values.stream().sorted(order).toList();
            }
            previous = value;
            first = false;
        }
        return List.copyOf(values);
    }

    static String require(@Nullable String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return value;
    }
}
