package dev.zanith.api.ops;

import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.schema.ObjectComment;
import dev.zanith.api.schema.TableName;
import dev.zanith.api.schema.View;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * COMMENT ON a table, a column (of a table, a view or a materialized view), an enum type, a view, a materialized
 * view, an index, a sequence, a constraint, a schema, a function, a procedure, a trigger, a policy, a domain, a
 * composite type, a range type, an extended statistics object, an event trigger or a domain's constraint; a null
 * comment removes it.
 *
 * @param on     {@code table}, {@code column}, {@code type} (an enum), {@code view}, {@code materializedView},
 *               {@code index}, {@code sequence}, {@code constraint}, {@code schema}, {@code function},
 *               {@code procedure}, {@code trigger}, {@code policy}, {@code domain}, {@code compositeType},
 *               {@code rangeType}, {@code statistics}, {@code eventTrigger} or {@code domainConstraint}
 * @param object the table (or type, view, index, sequence, routine, domain, statistics: schema-qualified; for
 *               {@code column}, the table, view or materialized view the column belongs to); for
 *               {@code constraint}, {@code trigger} and {@code policy} their table; for {@code domainConstraint}
 *               its domain; absent for {@code schema} and {@code eventTrigger}
 * @param column the column, for {@code on: column}
 * @param constraint the constraint, for {@code on: constraint} and {@code on: domainConstraint}
 * @param schema     the schema, for {@code on: schema}
 * @param name       the trigger, policy or event trigger, for {@code on: trigger}, {@code on: policy} and
 *               {@code on: eventTrigger}
 * @param arguments  for a function or a procedure, its argument types as {@code regprocedure} prints them
 *                   ({@code integer,text}; empty or absent for none)
 */
public record SetComment(String on, @Nullable TableName object, @Nullable String column, @Nullable String comment,
                         @Nullable String previous, @Nullable String constraint, @Nullable String schema,
                         @Nullable String name, @Nullable String arguments)
        implements Operation {

    /** What a comment can be on. */
    public static final List<String> KINDS = List.of("table", "column", "type", "view", "materializedView", "index",
            "sequence", "constraint", "schema", "function", "procedure", "trigger", "policy", "domain",
            "compositeType", "rangeType", "statistics", ObjectComment.EVENT_TRIGGER, ObjectComment.DOMAIN_CONSTRAINT);

    /** The {@code on} of a comment on a view. */
    public static final String VIEW = "view";
    /** The {@code on} of a comment on a materialized view. */
    public static final String MATERIALIZED_VIEW = "materializedView";

    public SetComment {
        Require.present(on, "setComment", "on");
        if (!KINDS.contains(on)) {
            throw new IllegalArgumentException("setComment 'on' must be one of " + String.join(", ", KINDS) + ", not '"
                    + on + "'");
        }
        if (!on.equals("schema") && !on.equals(ObjectComment.EVENT_TRIGGER)) {
            Require.present(object, "setComment", "object");
        }
        if (on.equals("column")) {
            Require.present(column, "setComment on column", "column");
        }
        if (on.equals("constraint") || on.equals(ObjectComment.DOMAIN_CONSTRAINT)) {
            Require.present(constraint, "setComment on " + on, "constraint");
        }
        if (on.equals("schema")) {
            Require.present(schema, "setComment on schema", "schema");
        }
        if (on.equals("trigger") || on.equals("policy") || on.equals(ObjectComment.EVENT_TRIGGER)) {
            Require.present(name, "setComment on " + on, "name");
        }
        // a routine without arguments: absent from the file, an empty list in the statement
        arguments = ObjectComment.routine(on) ? (arguments == null ? "" : arguments) : null;
    }

    /** A comment on a table, a column, a type, an index, a sequence, a view, a domain or a statistics object. */
    public SetComment(String on, TableName object, @Nullable String column, @Nullable String comment,
                      @Nullable String previous) {
        this(on, object, column, comment, previous, null, null, null, null);
    }

    /** A comment on a constraint, a schema, an index or a sequence, as the older files spell it. */
    public SetComment(String on, @Nullable TableName object, @Nullable String column, @Nullable String comment,
                      @Nullable String previous, @Nullable String constraint, @Nullable String schema) {
        this(on, object, column, comment, previous, constraint, schema, null, null);
    }

    /**
     * The comments on {@code view}'s columns, each set after the view is created (which sets none): what re-creates
     * them after the view was dropped.
     */
    public static List<SetComment> onColumnsOf(View view) {
        return view.columns().stream().filter(c -> c.comment() != null)
                .map(c -> new SetComment("column", view.qualifiedName(), c.name(), c.comment(), null)).toList();
    }

    /** Sets ({@code comment}) or removes (null) the comment on the object {@code c} is on. */
    public static SetComment on(ObjectComment c, @Nullable String comment, @Nullable String previous) {
        TableName object = switch (c.on()) {
            case "schema", ObjectComment.EVENT_TRIGGER -> null;
            case "constraint", "trigger", "policy", ObjectComment.DOMAIN_CONSTRAINT -> new TableName(c.schema(), c.table());
            default -> new TableName(c.schema(), c.name());
        };
        return switch (c.on()) {
            case "schema" -> onSchema(c.schema(), comment, previous);
            case "constraint" -> onConstraint(object, c.name(), comment, previous);
            case ObjectComment.DOMAIN_CONSTRAINT -> new SetComment(c.on(), object, null, comment, previous, c.name(),
                    null, null, null);
            case "trigger", "policy", ObjectComment.EVENT_TRIGGER -> new SetComment(c.on(), object, null, comment,
                    previous, null, null, c.name(), null);
            default -> new SetComment(c.on(), object, null, comment, previous, null, null, null, c.arguments());
        };
    }

    /** The object this comment is on, as the graph keeps it (with the new text, empty when removed). */
    public ObjectComment objectComment() {
        String text = comment == null ? "" : comment;
        return switch (on) {
            case "schema" -> new ObjectComment(on, schema, null, null, text);
            case "constraint" -> new ObjectComment(on, object.schema(), object.name(), constraint, text);
            case "trigger", "policy" -> new ObjectComment(on, object.schema(), object.name(), name, text);
            case ObjectComment.EVENT_TRIGGER -> new ObjectComment(on, "", null, name, text);
            case ObjectComment.DOMAIN_CONSTRAINT -> new ObjectComment(on, object.schema(), object.name(), constraint,
                    text);
            default -> new ObjectComment(on, object.schema(), null, object.name(), arguments, text);
        };
    }

    /** A comment on a constraint of {@code table}. */
    public static SetComment onConstraint(TableName table, String constraint, @Nullable String comment,
                                          @Nullable String previous) {
        return new SetComment("constraint", table, null, comment, previous, constraint, null);
    }

    /** A comment on a schema. */
    public static SetComment onSchema(String schema, @Nullable String comment, @Nullable String previous) {
        return new SetComment("schema", null, null, comment, previous, null, schema);
    }

    @Override
    public OperationKind kind() {
        return OperationKind.SET_COMMENT;
    }

    @Override
    public @Nullable TableName target() {
        return switch (on) {
            case "table", "column", "constraint", "trigger", "policy", VIEW, MATERIALIZED_VIEW -> object;
            default -> null;
        };
    }

    @Override
    public Statements render(RenderContext context) {
        String what = switch (on) {
            case "table" -> "TABLE " + object.sql();
            case "column" -> "COLUMN " + object.sql() + "." + Identifiers.quote(column);
            case VIEW -> "VIEW " + object.sql();
            case MATERIALIZED_VIEW -> "MATERIALIZED VIEW " + object.sql();
            case "index" -> "INDEX " + object.sql();
            case "sequence" -> "SEQUENCE " + object.sql();
            case "constraint" -> "CONSTRAINT " + Identifiers.quote(constraint) + " ON " + object.sql();
            case "schema" -> "SCHEMA " + Identifiers.quote(schema);
            // the argument types are the server's own spelling (format_type), as in the routine's signature
            case "function" -> "FUNCTION " + object.sql() + "(" + arguments + ")";
            case "procedure" -> "PROCEDURE " + object.sql() + "(" + arguments + ")";
            case "trigger" -> "TRIGGER " + Identifiers.quote(name) + " ON " + object.sql();
            case "policy" -> "POLICY " + Identifiers.quote(name) + " ON " + object.sql();
            case "domain" -> "DOMAIN " + object.sql();
            case "statistics" -> "STATISTICS " + object.sql();
            case ObjectComment.EVENT_TRIGGER -> "EVENT TRIGGER " + Identifiers.quote(name);
            case ObjectComment.DOMAIN_CONSTRAINT -> "CONSTRAINT " + Identifiers.quote(constraint) + " ON DOMAIN "
                    + object.sql();
            default -> "TYPE " + object.sql();
        };
        return Statements.of("COMMENT ON " + what + " IS " + (comment == null ? "NULL" : Identifiers.literal(comment)));
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new SetComment(on, object, column, previous, comment, constraint, schema, name, arguments));
    }

    @Override
    public String summary() {
        String what = switch (on) {
            case "schema" -> schema;
            case "constraint" -> constraint + " on " + object;
            case "column" -> object + "." + column;
            case "trigger", "policy" -> name + " on " + object;
            case ObjectComment.EVENT_TRIGGER -> name;
            case ObjectComment.DOMAIN_CONSTRAINT -> constraint + " of " + object;
            case "function", "procedure" -> object + "(" + arguments + ")";
            default -> String.valueOf(object);
        };
        String kind = switch (on) {
            case MATERIALIZED_VIEW -> "materialized view";
            case "compositeType" -> "composite type";
            case "rangeType" -> "range type";
            case ObjectComment.EVENT_TRIGGER -> "event trigger";
            case ObjectComment.DOMAIN_CONSTRAINT -> "domain constraint";
            default -> on;
        };
        return (comment == null ? "remove comment on " : "comment on ") + kind + " " + what;
    }
}
