package dev.zanith.api.output;

import org.jspecify.annotations.Nullable;

/**
 * One way the shadow differs from what was expected.
 *
 * @param model    the table (or enum, sequence, extension, schema) it concerns: {@code public.users}
 * @param field    the column or constraint/index/policy within it, or null for the model itself
 * @param aspect   what differs: {@code missing}, {@code unexpected}, {@code type}, {@code nullability}, ...
 * @param expected the expected value, or null
 * @param actual   the value on the shadow, or null
 */
public record Difference(String model, @Nullable String field, String aspect, @Nullable String expected,
                         @Nullable String actual) {

    public String describe() {
        String where = field == null ? model : model + "." + field;
        return switch (aspect) {
            case "missing" -> where + ": expected but missing" + (expected != null ? " (" + expected + ")" : "");
            case "unexpected" -> where + ": present but not expected" + (actual != null ? " (" + actual + ")" : "");
            default -> where + ": " + aspect + " expected " + expected + ", found " + actual;
        };
    }
}
