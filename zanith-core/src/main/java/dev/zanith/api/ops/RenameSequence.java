package dev.zanith.api.ops;

import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/** ALTER SEQUENCE ... RENAME TO (defaults using it follow, as they reference it by oid). */
public record RenameSequence(TableName sequence, String newName) implements Operation {

    public RenameSequence {
        Require.present(sequence, "renameSequence", "sequence");
        Require.present(newName, "renameSequence", "newName");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.RENAME_SEQUENCE;
    }

    @Override
    public @Nullable TableName target() {
        return null;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of("ALTER SEQUENCE " + sequence.sql() + " RENAME TO " + Identifiers.quote(newName));
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new RenameSequence(new TableName(sequence.schema(), newName), sequence.name()));
    }

    @Override
    public String summary() {
        return "rename sequence " + sequence + " to " + newName;
    }
}
