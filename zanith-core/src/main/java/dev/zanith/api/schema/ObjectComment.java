package dev.zanith.api.schema;

import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A comment ({@code COMMENT ON}, from {@code pg_description}) on an object kind that carries no comment field of
 * its own: an index, a constraint, a sequence or a schema. Tables, columns and enum types keep theirs on
 * {@link Table#comment()}, {@link Column#comment()} and {@link EnumType#comment()}.
 *
 * @param on      {@code index}, {@code constraint}, {@code sequence} or {@code schema}
 * @param schema  the object's schema (for {@code on: schema}, the schema itself)
 * @param table   the table, for {@code on: constraint}; null otherwise
 * @param name    the index, constraint or sequence name; null for {@code on: schema}
 * @param comment the text
 */
public record ObjectComment(String on, String schema, @Nullable String table, @Nullable String name, String comment) {

    /** The object kinds commented here. */
    public static final List<String> KINDS = List.of("index", "constraint", "sequence", "schema");

    /** The canonical order: schema, table, kind, name. */
    public static final Comparator<ObjectComment> ORDER = Comparator.comparing(ObjectComment::schema)
            .thenComparing(c -> c.table() == null ? "" : c.table())
            .thenComparing(ObjectComment::on)
            .thenComparing(c -> c.name() == null ? "" : c.name());

    public ObjectComment {
        Lists.require(on, "comment kind");
        Lists.require(schema, "comment schema");
        if (!KINDS.contains(on)) {
            throw new IllegalArgumentException("an object comment is on an index, constraint, sequence or schema, not '"
                    + on + "'");
        }
        if (comment == null) {
            throw new IllegalArgumentException("a comment on " + on + " " + schema + " needs its text");
        }
        if (on.equals("schema")) {
            name = null;
        } else {
            Lists.require(name, "the commented " + on + "'s name");
        }
        if (on.equals("constraint")) {
            Lists.require(table, "the commented constraint's table");
        } else {
            table = null;
        }
    }

    /** Whether this comment is on the same object as {@code other}. */
    public boolean sameObject(ObjectComment other) {
        return on.equals(other.on) && schema.equals(other.schema) && java.util.Objects.equals(table, other.table)
                && java.util.Objects.equals(name, other.name);
    }
}
