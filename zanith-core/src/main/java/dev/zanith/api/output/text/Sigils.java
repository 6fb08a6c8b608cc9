package dev.zanith.api.output.text;

import dev.zanith.api.ops.Operation;
import dev.zanith.api.ops.OperationKind;

/** One-character marks for operation families in generate/diff/plan output, and for a step's outcome. */
public final class Sigils {

    public static final String DONE = "✓";
    public static final String FAILED = "✗";
    public static final String SKIPPED = "↻";

    private Sigils() {
    }

    /** The mark of an operation's family. */
    public static String of(Operation operation) {
        return of(operation.kind().family());
    }

    /** {@code +} additions, {@code -} removals, {@code ~} type and nullability, {@code >} renames, and so on. */
    public static String of(OperationKind.Family family) {
        return switch (family) {
            case ADDITIONS -> "+";
            case REMOVALS -> "-";
            case TYPE_AND_NULLABILITY -> "~";
            case RENAMES -> ">";
            case ROW_LEVEL_SECURITY -> "#";
            case SAFE_ALTERNATIVES -> "v";
            case LONG_RUNNING -> "*";
            case RAW -> "?";
        };
    }
}
