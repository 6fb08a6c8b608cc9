package dev.zanith.api.risk;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What ALTER COLUMN ... TYPE does to existing values, from the old and new type. Verified against a real
 * server by observing {@code pg_class.relfilenode} (see the risk tests), not assumed.
 *
 * @param rewrite whether PostgreSQL copies the table (and rebuilds its indexes)
 */
public record TypeChange(ColumnType from, ColumnType to, Kind kind, boolean rewrite, String explanation) {

    /** How the values fare. */
    public enum Kind {
        /** Same type; only the collation changes (indexes on the column are rebuilt). */
        SAME,
        /** Every value fits and is stored the same way. */
        BINARY_COMPATIBLE,
        /** Every value fits, but each is converted. */
        WIDENING,
        /** Values that do not fit make the statement fail. */
        NARROWING,
        /** Values are silently rounded or truncated. */
        LOSSY,
        /** A different type: conversion may fail, clients see new values. */
        CHANGE
    }

    /**
     * @param using      the USING expression, or null (any USING forces a rewrite)
     * @param utcSession whether the session time zone is UTC, which lets PostgreSQL 12+ switch between
     *                   timestamp and timestamptz without a rewrite
     */
    public static TypeChange of(String fromType, String toType, @Nullable String using, boolean pg12,
                                boolean utcSession) {
        ColumnType from = ColumnType.parse(fromType);
        ColumnType to = ColumnType.parse(toType);
        TypeChange change = classify(from, to, pg12, utcSession);
        if (using != null && !change.rewrite && !isPlainCast(using, to)) {
            return new TypeChange(from, to, change.kind, true, change.explanation + "; USING converts every row");
        }
        return change;
    }

    /**
     * Whether the column's default btree operator class changes though no row is rewritten, so PostgreSQL
     * rebuilds every index on the column (observed: timestamp ↔ timestamptz, whose operator classes differ even
     * when the values need no conversion). Binary-coercible changes within one operator class (varchar ↔ text,
     * numeric precision) keep their indexes.
     */
    public boolean operatorClassChanges() {
        String f = from.base();
        String t = to.base();
        return !rewrite && !f.equals(t) && f.startsWith("timestamp") && t.startsWith("timestamp");
    }

    private static TypeChange classify(ColumnType from, ColumnType to, boolean pg12, boolean utc) {
        String f = from.base();
        String t = to.base();
        if (from.equals(to)) {
            return of(from, to, Kind.SAME, false, "same type");
        }
        if (from.array() != to.array()) {
            return of(from, to, Kind.CHANGE, true, "array and element types differ");
        }
        if (from.array()) {
            // Arrays are converted element by element: always a rewrite, even where the elements alone would not be.
            TypeChange elements = classify(element(from), element(to), pg12, utc);
            return of(from, to, elements.kind, true, "array elements: " + elements.explanation);
        }
        if (to.base().equals("text") && (f.equals("character varying") || f.equals("text"))) {
            return of(from, to, Kind.BINARY_COMPATIBLE, false, from + " to text is binary-coercible");
        }
        if (t.equals("character varying") && (f.equals("character varying") || f.equals("text"))) {
            Integer n = from.length();
            Integer m = to.length();
            if (m == null) {
                return of(from, to, Kind.BINARY_COMPATIBLE, false, "removing the length limit is binary-coercible");
            }
            if (n != null && m >= n) {
                return of(from, to, Kind.BINARY_COMPATIBLE, false, "a longer varchar limit is binary-coercible");
            }
            return of(from, to, Kind.NARROWING, true, "values longer than " + m + " characters fail");
        }
        if (f.equals("character") && (t.equals("character") || t.equals("character varying"))) {
            Integer n = from.length();
            Integer m = to.length();
            if (m == null || (n != null && m >= n)) {
                return of(from, to, Kind.WIDENING, true, "char(n) values are re-padded");
            }
            return of(from, to, Kind.NARROWING, true, "values longer than " + m + " characters fail");
        }
        if (f.equals("bit varying") && t.equals("bit varying")) {
            Integer n = from.length();
            Integer m = to.length();
            if (m == null || (n != null && m >= n)) {
                return of(from, to, Kind.BINARY_COMPATIBLE, false, "a longer bit varying limit is binary-coercible");
            }
            return of(from, to, Kind.NARROWING, true, "values longer than " + m + " bits fail");
        }
        if (from.integerBytes() > 0 && to.integerBytes() > 0) {
            return from.integerBytes() < to.integerBytes()
                    ? of(from, to, Kind.WIDENING, true, f + " to " + t + " converts every row")
                    : of(from, to, Kind.NARROWING, true, "values outside the " + t + " range fail");
        }
        if (from.integerBytes() > 0 && t.equals("numeric")) {
            if (to.modifiers().isEmpty()) {
                return of(from, to, Kind.WIDENING, true, f + " to numeric converts every row");
            }
            return of(from, to, Kind.NARROWING, true, "values with more than "
                    + (to.modifiers().get(0) - scale(to)) + " integer digits fail");
        }
        if (f.equals("numeric") && to.integerBytes() > 0) {
            return of(from, to, Kind.LOSSY, true, "fractions are rounded away; values outside the " + t + " range fail");
        }
        if (f.equals("numeric") && t.equals("numeric")) {
            return numeric(from, to);
        }
        if (f.equals("real") && t.equals("double precision")) {
            return of(from, to, Kind.WIDENING, true, "real to double precision converts every row");
        }
        if (f.equals("double precision") && t.equals("real")) {
            return of(from, to, Kind.LOSSY, true, "double precision to real loses precision");
        }
        if (from.isTemporal() && f.equals(t)) {
            Integer p = from.timePrecision();
            Integer q = to.timePrecision();
            if (q == null && !f.equals("interval")) {
                return of(from, to, Kind.BINARY_COMPATIBLE, false, "removing the precision limit is binary-coercible");
            }
            if (q != null && p != null && q >= p && !f.equals("interval")) {
                return of(from, to, Kind.BINARY_COMPATIBLE, false, "more fractional-second digits are binary-coercible");
            }
            if (q != null && p != null && q >= p) {
                return of(from, to, Kind.WIDENING, true, "interval values are converted");
            }
            return of(from, to, Kind.LOSSY, true, "fractional seconds are rounded to " + (q == null ? "the default" : q)
                    + " digits");
        }
        if (f.startsWith("timestamp") && t.startsWith("timestamp")) {
            boolean noRewrite = pg12 && utc && Objects.equals(from.timePrecision(), to.timePrecision());
            return of(from, to, Kind.CHANGE, !noRewrite, noRewrite
                    ? "PostgreSQL 12+ with time zone UTC: values are reinterpreted without a rewrite"
                    : "values are reinterpreted in the session time zone");
        }
        if (f.startsWith("timestamp") && t.equals("date")) {
            return of(from, to, Kind.LOSSY, true, "the time of day is dropped");
        }
        if (f.equals("cidr") && t.equals("inet")) {
            return of(from, to, Kind.BINARY_COMPATIBLE, false, "cidr to inet is binary-coercible");
        }
        if (t.equals("text") || (t.equals("character varying") && to.length() == null)) {
            return of(from, to, Kind.CHANGE, true, "values are converted to text; clients see strings");
        }
        return of(from, to, Kind.CHANGE, true, "values are converted from " + from + " to " + to
                + "; conversion can fail");
    }

    private static TypeChange numeric(ColumnType from, ColumnType to) {
        if (to.modifiers().isEmpty()) {
            return of(from, to, Kind.BINARY_COMPATIBLE, false, "unconstrained numeric holds every value");
        }
        int q = to.modifiers().get(0);
        int t = scale(to);
        if (from.modifiers().isEmpty()) {
            return of(from, to, Kind.LOSSY, true, "values are rounded to " + t + " decimals; larger ones fail");
        }
        int p = from.modifiers().get(0);
        int s = scale(from);
        if (t < s) {
            return of(from, to, Kind.LOSSY, true, "values are rounded from " + s + " to " + t + " decimals");
        }
        if (q - t < p - s) {
            return of(from, to, Kind.NARROWING, true, "values with more than " + (q - t) + " integer digits fail");
        }
        if (t == s) {
            return of(from, to, Kind.BINARY_COMPATIBLE, false, "more numeric precision is binary-coercible");
        }
        return of(from, to, Kind.WIDENING, true, "a larger numeric scale converts every row");
    }

    private static ColumnType element(ColumnType array) {
        return new ColumnType(array.base(), array.modifiers(), false);
    }

    /** {@code USING col::newtype}: the conversion PostgreSQL would do anyway, so it decides the rewrite as usual. */
    private static boolean isPlainCast(String using, ColumnType to) {
        String text = using.trim();
        while (text.startsWith("(") && text.endsWith(")") && balanced(text.substring(1, text.length() - 1))) {
            text = text.substring(1, text.length() - 1).trim();
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "^\\(?\\s*(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][\\w$]*)\\s*\\)?\\s*::\\s*(.+)$").matcher(text);
        return m.matches() && ColumnType.parse(m.group(1)).equals(to);
    }

    private static boolean balanced(String text) {
        int depth = 0;
        for (char ch : text.toCharArray()) {
            depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    private static int scale(ColumnType numeric) {
        return numeric.modifiers().size() > 1 ? numeric.modifiers().get(1) : 0;
    }

    private static TypeChange of(ColumnType from, ColumnType to, Kind kind, boolean rewrite, String explanation) {
        return new TypeChange(from, to, kind, rewrite, explanation);
    }
}
