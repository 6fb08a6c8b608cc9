package dev.zanith.api.ops;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What undoes an operation, shown for review.
 *
 * @param operations the operations that undo it (empty when it cannot be undone)
 * @param note       why it cannot be undone, or what the undo does not bring back; null when exact
 */
public record Reversal(List<Operation> operations, @Nullable String note) {

    public Reversal {
        operations = List.copyOf(operations);
    }

    public static Reversal of(Operation... operations) {
        return new Reversal(List.of(operations), null);
    }

    public static Reversal lossy(String note, Operation... operations) {
        return new Reversal(List.of(operations), note);
    }

    public static Reversal irreversible(String note) {
        return new Reversal(List.of(), note);
    }

    public boolean isExact() {
        return note == null && !operations.isEmpty();
    }
}
