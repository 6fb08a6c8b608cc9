package dev.zanith.api.ops;

import dev.zanith.api.schema.Sequence;
import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/** DROP SEQUENCE. */
public record DropSequence(TableName sequence, @Nullable Sequence definition) implements Operation {

    public DropSequence {
        Require.present(sequence, "dropSequence", "sequence");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.DROP_SEQUENCE;
    }

    @Override
    public @Nullable TableName target() {
        return null;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of("DROP SEQUENCE IF EXISTS " + sequence.sql());
    }

    @Override
    public Reversal reverse() {
        return definition == null ? Reversal.irreversible("the sequence options are not recorded in this file")
                : Reversal.lossy("re-creates the sequence at its start value", new CreateSequence(definition));
    }

    @Override
    public String summary() {
        return "drop sequence " + sequence;
    }
}
