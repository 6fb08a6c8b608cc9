package dev.zanith.api.ops;

import dev.zanith.api.schema.Identity;
import dev.zanith.api.schema.SequenceOptions;
import dev.zanith.api.schema.TableName;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Makes a column an identity column ({@code previous} null) or changes its generation and sequence options. */
public record SetIdentity(TableName table, String column, Identity identity, @Nullable Identity previous,
                          @Nullable TableName continueFrom)
        implements Operation {

    public SetIdentity {
        Require.present(table, "setIdentity", "table");
        Require.present(column, "setIdentity", "column");
        Require.present(identity, "setIdentity", "identity");
    }

    /** An identity added or changed without taking over a sequence's position. */
    public SetIdentity(TableName table, String column, Identity identity, @Nullable Identity previous) {
        this(table, column, identity, previous, null);
    }

    @Override
    public OperationKind kind() {
        return OperationKind.SET_IDENTITY;
    }

    @Override
    public TableName target() {
        return table;
    }

    @Override
    public Statements render(RenderContext context) {
        String alter = Ddl.alterColumn(table, column);
        if (previous == null) {
            String options = identity.sequence() == null ? ""
                    : Ddl.identityOptions(identity.sequence().dataType(), identity);
            String add = alter + " ADD GENERATED " + identity.generation().sql() + " AS IDENTITY"
                    + (options.isEmpty() ? "" : " (" + options + ")");
            if (continueFrom == null) {
                return Statements.of(add);
            }
            // The column's old sequence (serial) hands its position over: the next value follows the existing data.
            return Statements.of(add, Ddl.continueSequence(
                    Ddl.serialSequence(table, column), "SELECT s.last_value, s.is_called FROM " + continueFrom.sql() + " AS s"));
        }
        List<String> changes = new ArrayList<>();
        if (identity.generation() != previous.generation()) {
            changes.add("SET GENERATED " + identity.generation().sql());
        }
        SequenceOptions to = identity.sequence();
        SequenceOptions from = previous.sequence();
        if (to != null && from != null) {
            if (to.increment() != from.increment()) {
                changes.add("SET INCREMENT BY " + to.increment());
            }
            if (to.minValue() != from.minValue()) {
                changes.add("SET MINVALUE " + to.minValue());
            }
            if (to.maxValue() != from.maxValue()) {
                changes.add("SET MAXVALUE " + to.maxValue());
            }
            if (to.start() != from.start()) {
                changes.add("SET START WITH " + to.start());
            }
            if (to.cache() != from.cache()) {
                changes.add("SET CACHE " + to.cache());
            }
            if (to.cycle() != from.cycle()) {
                changes.add(to.cycle() ? "SET CYCLE" : "SET NO CYCLE");
            }
        }
        if (changes.isEmpty()) {
            changes.add("SET GENERATED " + identity.generation().sql());
        }
        return Statements.of(alter + " " + String.join(" ", changes));
    }

    @Override
    public Reversal reverse() {
        return previous == null ? Reversal.of(new DropIdentity(table, column, identity))
                : Reversal.of(new SetIdentity(table, column, previous, identity));
    }

    @Override
    public String summary() {
        return (previous == null ? "add identity (" : "change identity (") + identity.generation().sql().toLowerCase()
                + ") on " + table + "." + column + (continueFrom == null ? "" : ", continuing after " + continueFrom);
    }
}
