package dev.zanith.benchmarks;

/**
 * What a generated schema contains, counted the way the introspector counts: {@code indexes} are those that
 * back no primary key or unique constraint; {@code functions} are the routines (shared and per table),
 * {@code triggers} the user triggers, {@code views} the plain views.
 */
public record ExpectedCounts(int tables, int columns, int foreignKeys, int indexes, int uniqueConstraints,
                             int checkConstraints, int enums, int comments, int functions, int triggers, int views) {
}
