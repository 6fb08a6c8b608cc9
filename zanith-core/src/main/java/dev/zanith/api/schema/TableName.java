package dev.zanith.api.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.zanith.internal.sql.Identifiers;

import java.util.Comparator;

/** A schema-qualified table name (exact, unquoted). */
public record TableName(String schema, String name) implements Comparable<TableName> {

    private static final Comparator<TableName> ORDER = Comparator.comparing(TableName::schema)
            .thenComparing(TableName::name);

    public TableName {
        Lists.require(schema, "schema");
        Lists.require(name, "table name");
    }

    /**
     * Parses {@code table} or {@code schema.table} (either part may be double-quoted); a bare name is in
     * {@code defaultSchema}.
     */
    public static TableName parse(String text, String defaultSchema) {
        java.util.List<String> parts = QualifiedNames.split(text);
        return switch (parts.size()) {
            case 1 -> new TableName(defaultSchema, parts.get(0));
            case 2 -> new TableName(parts.get(0), parts.get(1));
            default -> throw new IllegalArgumentException("Not a table name: '" + text
                    + "' (expected table or schema.table)");
        };
    }

    /** Reads the text form ({@code schema.table}, parts quoted when necessary; a bare name is in public). */
    @JsonCreator
    public static TableName fromText(String text) {
        return parse(text, "public");
    }

    /** The text form used in files: {@code public.users}, {@code "Sales"."Order Items"}. */
    @JsonValue
    public String text() {
        return sql();
    }

    /** The name as SQL, each part quoted when necessary. */
    public String sql() {
        return Identifiers.qualify(schema, name);
    }

    @Override
    public int compareTo(TableName other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return schema + "." + name;
    }
}
