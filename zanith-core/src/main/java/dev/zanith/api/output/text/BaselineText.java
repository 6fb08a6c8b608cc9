package dev.zanith.api.output.text;

import dev.zanith.api.output.BaselineResult;

import java.util.List;

/** A baseline as text (what {@code zanith baseline} and {@code mvn zanith:baseline} print). */
public final class BaselineText {

    private BaselineText() {
    }

    /** Prints what was recorded and, with migrations configured, which files count as applied and which are pending. */
    public static void print(BaselineResult result, TextOutput out) {
        out.println(out.style(Sigils.DONE, TextStyle.GREEN) + " Baseline " + result.id() + " recorded on "
                + result.target() + ": " + result.tables() + " table(s), schema fingerprint "
                + result.fingerprint().substring(0, Math.min(12, result.fingerprint().length()))
                + " (before/after snapshots stored; nothing executed).");
        List<String> pending = result.pending();
        if (pending != null) {
            out.println("  counts as applied: " + (result.covered().isEmpty() ? "no migration file"
                    : String.join(", ", result.covered())));
            out.println("  pending:           " + (pending.isEmpty() ? "nothing" : String.join(", ", pending)));
        }
    }
}
