package dev.zanith.api.ops;

import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/**
 * COMMENT ON a table, a column or a type; a null comment removes it.
 *
 * @param on     {@code table}, {@code column} or {@code type}
 * @param object the table (or type) name
 * @param column the column, for {@code on: column}
 */
public record SetComment(String on, TableName object, @Nullable String column, @Nullable String comment,
                         @Nullable String previous) implements Operation {

    public SetComment {
        Require.present(on, "setComment", "on");
        Require.present(object, "setComment", "object");
        if (!on.equals("table") && !on.equals("column") && !on.equals("type")) {
            throw new IllegalArgumentException("setComment 'on' must be table, column or type, not '" + on + "'");
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
        return (comment == null ? "remove comment on " : "comment on ") + on + " " + object
                + (column != null ? "." + column : "");
    }
}
