package dev.zanith.cli;

import dev.zanith.api.ops.Operation;
import dev.zanith.api.ops.OperationKind;

/** One-character marks for operation families in generate/diff/plan output. */
final class Sigils {

    static final String DONE = "✓";
    static final String FAILED = "✗";
    static final String SKIPPED = "↻";

    private Sigils() {
    }

    static String of(Operation operation) {
        return of(operation.kind().family());
    }

    static String of(OperationKind.Family family) {
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
