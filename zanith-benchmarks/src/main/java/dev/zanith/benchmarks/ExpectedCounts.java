package dev.zanith.benchmarks;

/**
 * What a generated schema contains, counted the way the introspector counts: {@code indexes} are those that
 * back no primary key or unique constraint.
 */
public record ExpectedCounts(int tables, int columns, int foreignKeys, int indexes, int uniqueConstraints,
                             int checkConstraints, int enums, int comments) {
}
