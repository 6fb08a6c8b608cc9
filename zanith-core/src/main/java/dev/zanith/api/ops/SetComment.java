package dev.zanith.api.ops;

import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/**
 * COMMENT ON a table, a column, a type, a view or a materialized view; a null comment removes it.
 *
 * @param on     {@code table}, {@code column}, {@code type}, {@code view} or {@code materializedView}
 * @param object the table (or type, or view) name
 * @param column the column, for {@code on: column}
 */
public record SetComment(String on, TableName object, @Nullable String column, @Nullable String comment,
                         @Nullable String previous) implements Operation {

    /** The {@code on} of a comment on a view. */
    public static final String VIEW = "view";
    /** The {@code on} of a comment on a materialized view. */
    public static final String MATERIALIZED_VIEW = "materializedView";

    public SetComment {
        Require.present(on, "setComment", "on");
        Require.present(object, "setComment", "object");
        if (!java.util.List.of("table", "column", "type", VIEW, MATERIALIZED_VIEW).contains(on)) {
            throw new IllegalArgumentException("setComment 'on' must be table, column, type, view or materializedView, not '"
                    + on + "'");
        }
        if (on.equals("column")) {
            Require.present(column, "setComment on column", "column");
        }
    }

    @Override
    public OperationKind kind() {
        return OperationKind.SET_COMMENT;
    }

    @Override
    public @Nullable TableName target() {
        return on.equals("type") ? null : object;
    }

    @Override
    public Statements render(RenderContext context) {
        String what = switch (on) {
            case "table" -> "TABLE " + object.sql();
            case "column" -> "COLUMN " + object.sql() + "." + Identifiers.quote(column);
            case VIEW -> "VIEW " + object.sql();
            case MATERIALIZED_VIEW -> "MATERIALIZED VIEW " + object.sql();
            default -> "TYPE " + object.sql();
        };
        return Statements.of("COMMENT ON " + what + " IS " + (comment == null ? "NULL" : Identifiers.literal(comment)));
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new SetComment(on, object, column, previous, comment));
    }

    @Override
    public String summary() {
        String what = on.equals(MATERIALIZED_VIEW) ? "materialized view" : on;
        return (comment == null ? "remove comment on " : "comment on ") + what + " " + object
                + (column != null ? "." + column : "");
    }
}
