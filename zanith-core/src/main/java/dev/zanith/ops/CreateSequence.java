package dev.zanith.ops;

import dev.zanith.schema.Sequence;
import dev.zanith.schema.TableName;

/** CREATE SEQUENCE with every option explicit; ownership is set by {@link AlterSequence} once the table exists. */
public record CreateSequence(Sequence sequence) implements Operation {

    public CreateSequence {
        Require.present(sequence, "createSequence", "sequence");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.CREATE_SEQUENCE;
    }

    @Override
    public TableName target() {
        return null;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of("CREATE SEQUENCE " + sequence.qualifiedName().sql() + " " + Ddl.sequenceOptions(sequence.options()));
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new DropSequence(sequence.qualifiedName(), sequence));
    }

    @Override
    public String summary() {
        return "create sequence " + sequence.qualifiedName();
    }
}
