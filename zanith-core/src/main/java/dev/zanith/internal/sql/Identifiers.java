package dev.zanith.internal.sql;

import java.util.Set;

/**
 * The one place identifiers become SQL text. Quotes exactly when PostgreSQL would require it (like
 * {@code quote_ident}): anything other than a lower-case simple name, or any keyword that is not
 * unreserved. Quoting a non-keyword is harmless, so the keyword list errs on the side of quoting.
 */
public final class Identifiers {

    /** Keywords of category reserved, type/function name or column name (PostgreSQL 14–18), i.e. not unreserved. */
    private static final Set<String> KEYWORDS = Set.of(("all analyse analyze and any array as asc asymmetric authorization "
            + "between bigint binary bit boolean both case cast char character check coalesce collate collation column "
            + "concurrently constraint create cross current_catalog current_date current_role current_schema current_time "
            + "current_timestamp current_user dec decimal default deferrable desc distinct do else end except exists extract "
            + "false fetch float for foreign freeze from full grant greatest group grouping having ilike in initially inner "
            + "inout int integer intersect interval into is isnull join json json_array json_arrayagg json_exists json_object "
            + "json_objectagg json_query json_scalar json_serialize json_table json_value lateral leading least left like "
            + "limit localtime localtimestamp merge_action national natural nchar none normalize not notnull null nullif "
            + "numeric offset on only or order out outer overlaps overlay placing position precision primary real references "
            + "returning right row select session_user setof similar smallint some substring symmetric system_user table "
            + "tablesample then time timestamp to trailing treat trim true union unique user using values varchar variadic "
            + "verbose when where window with xmlattributes xmlconcat xmlelement xmlexists xmlforest xmlnamespaces xmlparse "
            + "xmlpi xmlroot xmlserialize xmltable").split(" "));

    /** PostgreSQL keeps the first 63 bytes of an identifier (NAMEDATALEN - 1) and silently drops the rest. */
    public static final int MAX_BYTES = 63;

    /**
     * An identifier longer than {@link #MAX_BYTES} UTF-8 bytes: the server would truncate it, so two names that
     * differ only after byte 63 would become one.
     */
    public static final class TooLong extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        TooLong(String name, int bytes) {
            super("the name '" + name + "' is " + bytes + " bytes long; PostgreSQL keeps only the first " + MAX_BYTES
                    + " bytes of a name (two names that differ later would be the same). Use a shorter name");
        }
    }

    private Identifiers() {
    }

    /** {@code name} as a SQL identifier, double-quoted when necessary. */
    public static String quote(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("An identifier must not be empty");
        }
        int bytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new TooLong(name, bytes);
        }
        return needsQuotes(name) ? '"' + name.replace("\"", "\"\"") + '"' : name;
    }

    /** {@code schema.name}, each part quoted when necessary. */
    public static String qualify(String schema, String name) {
        return quote(schema) + '.' + quote(name);
    }

    /** A string literal with single quotes doubled; for the few places PostgreSQL takes no parameter (DDL). */
    public static String literal(String value) {
        return '\'' + value.replace("'", "''") + '\'';
    }

    private static boolean needsQuotes(String name) {
        char first = name.charAt(0);
        if (!(first >= 'a' && first <= 'z') && first != '_') {
            return true;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '$')) {
                return true;
            }
        }
        return KEYWORDS.contains(name);
    }
}
