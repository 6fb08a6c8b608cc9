package dev.zanith.api.ops;

import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.schema.Sequence;
import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/** CREATE SEQUENCE with every option explicit; ownership is set by {@link AlterSequence} once the table exists. */
public record CreateSequence(Sequence sequence, @Nullable TableName continueFromTable,
                             @Nullable String continueFromColumn)
        implements Operation {

    public CreateSequence {
        Require.present(sequence, "createSequence", "sequence");
        if ((continueFromTable == null) != (continueFromColumn == null)) {
            throw new IllegalArgumentException("createSequence needs both continueFromTable and continueFromColumn, or neither");
        }
    }

    /** A sequence that starts where its options say. */
    public CreateSequence(Sequence sequence) {
        this(sequence, null, null);
    }

    @Override
    public OperationKind kind() {
        return OperationKind.CREATE_SEQUENCE;
    }

    @Override
    public @Nullable TableName target() {
        return null;
    }

    @Override
    public Statements render(RenderContext context) {
        String create = "CREATE SEQUENCE " + sequence.qualifiedName().sql() + " " + Ddl.sequenceOptions(sequence.options());
        if (continueFromTable == null) {
            return Statements.of(create);
        }
        // Takes over the position of the column's current sequence (an identity about to be dropped), if it was used.
        return Statements.of(create, Ddl.continueSequence(Identifiers.literal(sequence.qualifiedName().sql()) + "::regclass",
                "SELECT pg_catalog.pg_sequence_last_value(" + Ddl.serialSequence(continueFromTable, continueFromColumn)
                        + ") AS last_value, true AS is_called"));
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new DropSequence(sequence.qualifiedName(), sequence));
    }

    @Override
    public String summary() {
        return "create sequence " + sequence.qualifiedName() + (continueFromTable == null ? ""
                : ", continuing after " + continueFromTable + "." + continueFromColumn);
    }
}
