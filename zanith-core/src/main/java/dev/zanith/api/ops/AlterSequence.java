package dev.zanith.api.ops;

import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.schema.SequenceOptions;
import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/**
 * ALTER SEQUENCE: new options (when given) and ownership ({@code ownedByTable}/{@code ownedByColumn}, in the
 * sequence's schema; both null means OWNED BY NONE).
 */
public record AlterSequence(TableName sequence, @Nullable SequenceOptions options, @Nullable String ownedByTable,
                            @Nullable String ownedByColumn, @Nullable SequenceOptions previousOptions,
                            @Nullable String previousOwnedByTable, @Nullable String previousOwnedByColumn)
        implements Operation {

    public AlterSequence {
        Require.present(sequence, "alterSequence", "sequence");
        if ((ownedByTable == null) != (ownedByColumn == null)) {
            throw new IllegalArgumentException("alterSequence needs both 'ownedByTable' and 'ownedByColumn', or neither");
        }
    }

    @Override
    public OperationKind kind() {
        return OperationKind.ALTER_SEQUENCE;
    }

    @Override
    public @Nullable TableName target() {
        return null;
    }

    @Override
    public Statements render(RenderContext context) {
        StringBuilder sql = new StringBuilder("ALTER SEQUENCE ").append(sequence.sql());
        if (options != null) {
            sql.append(' ').append(Ddl.sequenceOptions(options));
        }
        sql.append(" OWNED BY ").append(ownedByTable == null ? "NONE"
                : Identifiers.qualify(sequence.schema(), ownedByTable) + "." + Identifiers.quote(ownedByColumn));
        return Statements.of(sql.toString());
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new AlterSequence(sequence, previousOptions, previousOwnedByTable, previousOwnedByColumn,
                options, ownedByTable, ownedByColumn));
    }

    @Override
    public String summary() {
        return "alter sequence " + sequence + (ownedByTable != null ? " owned by " + ownedByTable + "." + ownedByColumn : "");
    }
}
