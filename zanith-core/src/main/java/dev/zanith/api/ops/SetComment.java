package dev.zanith.api.ops;

import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.schema.TableName;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * COMMENT ON a table, a column, a type, a view, a materialized view, an index, a sequence, a constraint or a schema;
 * a null comment removes it.
 *
 * @param on     {@code table}, {@code column}, {@code type}, {@code view}, {@code materializedView}, {@code index},
 *               {@code sequence}, {@code constraint} or {@code schema}
 * @param object the table (or type, view, index, sequence: schema-qualified); for {@code constraint} its table;
 *               absent for {@code schema}
 * @param column the column, for {@code on: column}
 * @param constraint the constraint, for {@code on: constraint}
 * @param schema     the schema, for {@code on: schema}
 */
public record SetComment(String on, @Nullable TableName object, @Nullable String column, @Nullable String comment,
                         @Nullable String previous, @Nullable String constraint, @Nullable String schema)
        implements Operation {

    /** What a comment can be on. */
    public static final List<String> KINDS = List.of("table", "column", "type", "view", "materializedView", "index",
            "sequence", "constraint", "schema");

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
        if (!on.equals("schema")) {
            Require.present(object, "setComment", "object");
        }
        if (on.equals("column")) {
            Require.present(column, "setComment on column", "column");
        }
        if (on.equals("constraint")) {
            Require.present(constraint, "setComment on constraint", "constraint");
        }
        if (on.equals("schema")) {
            Require.present(schema, "setComment on schema", "schema");
        }
    }

    /** A comment on a table, a column, a type, an index or a sequence. */
    public SetComment(String on, TableName object, @Nullable String column, @Nullable String comment,
                      @Nullable String previous) {
        this(on, object, column, comment, previous, null, null);
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
            case "table", "column", "constraint", VIEW, MATERIALIZED_VIEW -> object;
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
            default -> "TYPE " + object.sql();
        };
        return Statements.of("COMMENT ON " + what + " IS " + (comment == null ? "NULL" : Identifiers.literal(comment)));
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new SetComment(on, object, column, previous, comment, constraint, schema));
    }

    @Override
    public String summary() {
        String what = switch (on) {
            case "schema" -> schema;
            case "constraint" -> constraint + " on " + object;
            case "column" -> object + "." + column;
            default -> String.valueOf(object);
        };
        return (comment == null ? "remove comment on " : "comment on ")
                + (on.equals(MATERIALIZED_VIEW) ? "materialized view" : on) + " " + what;
    }
}
