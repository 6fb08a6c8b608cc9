package dev.zanith.api.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A comment ({@code COMMENT ON}, from {@code pg_description}) on an object kind that carries no comment field of
 * its own: an index, a constraint, a sequence, a schema, a function, a procedure, a trigger, a policy, a domain, a
 * composite type, a range type, an extended statistics object, an event trigger or a domain's constraint. Tables,
 * columns, enum types and views keep theirs on {@link Table#comment()}, {@link Column#comment()},
 * {@link EnumType#comment()} and {@link View#comment()}.
 *
 * @param on        {@code index}, {@code constraint}, {@code sequence}, {@code schema}, {@code function},
 *                  {@code procedure}, {@code trigger}, {@code policy}, {@code domain}, {@code compositeType},
 *                  {@code rangeType}, {@code statistics}, {@code eventTrigger} or {@code domainConstraint}
 * @param schema    the object's schema (for {@code on: schema}, the schema itself; for a trigger or a policy, its
 *                  table's; for a domain constraint, its domain's); empty for an event trigger, which has none (and
 *                  so, like every empty value, absent from JSON)
 * @param table     the table, for {@code on: constraint}, {@code trigger} and {@code policy}; the domain, for
 *                  {@code on: domainConstraint}; null otherwise
 * @param name      the object's name; null for {@code on: schema}
 * @param arguments for a function or a procedure, its argument types as {@code regprocedure} prints them
 *                  ({@code integer,text}, empty for none): with schema and name, what identifies the routine
 *                  ({@link Routine#signature()} is {@code schema.name(arguments)}); null otherwise
 * @param comment   the text
 */
public record ObjectComment(String on, String schema, @Nullable String table, @Nullable String name,
                            @Nullable String arguments, String comment) {

    /** The {@code on} of a comment on an event trigger (database-wide: its {@code schema} is empty). */
    public static final String EVENT_TRIGGER = "eventTrigger";

    /** The {@code on} of a comment on a domain's constraint (its {@code table} is the domain). */
    public static final String DOMAIN_CONSTRAINT = "domainConstraint";

    /** The object kinds commented here. */
    public static final List<String> KINDS = List.of("index", "constraint", "sequence", "schema", Routine.FUNCTION,
            Routine.PROCEDURE, "trigger", "policy", "domain", "compositeType", "rangeType", "statistics",
            EVENT_TRIGGER, DOMAIN_CONSTRAINT);

    /** The kinds that belong to a table and are named within it: their comment carries the table. */
    public static final List<String> ON_TABLE = List.of("constraint", "trigger", "policy");

    /** The canonical order: schema, table, kind, name, arguments. */
    public static final Comparator<ObjectComment> ORDER = Comparator.comparing(ObjectComment::schema)
            .thenComparing(c -> c.table() == null ? "" : c.table())
            .thenComparing(ObjectComment::on)
            .thenComparing(c -> c.name() == null ? "" : c.name())
            .thenComparing(c -> c.arguments() == null ? "" : c.arguments());

    public ObjectComment {
        Lists.require(on, "comment kind");
        if (EVENT_TRIGGER.equals(on)) {
            schema = "";
        } else {
            Lists.require(schema, "comment schema");
        }
        if (!KINDS.contains(on)) {
            throw new IllegalArgumentException("an object comment is on one of " + String.join(", ", KINDS)
                    + ", not '" + on + "'");
        }
        if (comment == null) {
            throw new IllegalArgumentException("a comment on " + on + " " + schema + " needs its text");
        }
        if (on.equals("schema")) {
            name = null;
        } else {
            Lists.require(name, "the commented " + on + "'s name");
        }
        if (ON_TABLE.contains(on)) {
            Lists.require(table, "the commented " + on + "'s table");
        } else if (on.equals(DOMAIN_CONSTRAINT)) {
            Lists.require(table, "the commented domain constraint's domain");
        } else {
            table = null;
        }
        // a routine without arguments has an empty list, which JSON leaves out like every empty value
        arguments = routine(on) ? Objects.requireNonNullElse(arguments, "") : null;
    }

    /** A comment on an object that is not a routine. */
    public ObjectComment(String on, String schema, @Nullable String table, @Nullable String name, String comment) {
        this(on, schema, table, name, null, comment);
    }

    /**
     * Reads a comment; JSON written before routines were commented has no {@code arguments}, and a comment on an event
     * trigger has no {@code schema}.
     */
    @JsonCreator
    static ObjectComment json(@JsonProperty("on") String on, @JsonProperty("schema") @Nullable String schema,
                              @JsonProperty("table") @Nullable String table, @JsonProperty("name") @Nullable String name,
                              @JsonProperty("arguments") @Nullable String arguments,
                              @JsonProperty("comment") String comment) {
        return new ObjectComment(on, schema, table, name, arguments, comment);
    }

    /** Whether {@code on} is a function or a procedure. */
    public static boolean routine(String on) {
        return on.equals(Routine.FUNCTION) || on.equals(Routine.PROCEDURE);
    }

    /** Whether this comment is on {@code routine} (same kind, schema, name and argument types). */
    public boolean isOn(Routine routine) {
        return on.equals(routine.kind()) && schema.equals(routine.schema()) && routine.name().equals(name)
                && routine.signature().endsWith("(" + arguments + ")");
    }

    /** Whether this comment is on the same object as {@code other}. */
    public boolean sameObject(ObjectComment other) {
        return on.equals(other.on) && schema.equals(other.schema) && Objects.equals(table, other.table)
                && Objects.equals(name, other.name) && Objects.equals(arguments, other.arguments);
    }

    /** The same comment with other text. */
    public ObjectComment withComment(String text) {
        return new ObjectComment(on, schema, table, name, arguments, text);
    }
}
