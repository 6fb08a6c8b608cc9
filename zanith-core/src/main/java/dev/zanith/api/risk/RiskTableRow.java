package dev.zanith.api.risk;

import dev.zanith.api.ops.Operation;
import dev.zanith.api.ops.OperationKind;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One row of the published risk table ({@code zanith risk}, docs/RISK.md): an operation kind and variant, its
 * assessment on a small populated table and its score by table size.
 *
 * @param variant what distinguishes this row from others of the same kind, or empty
 * @param setup   steps before the sample that set the scene (a policy before enabling RLS, ...)
 * @param base    the assessment on a populated (small) table
 * @param bySize  the score on an empty, small, large and huge table
 */
public record RiskTableRow(OperationKind kind, String variant, Operation sample, List<Operation> setup, Assessment base,
                  Map<SizeTier, Integer> bySize) {

    public RiskTableRow {
        setup = List.copyOf(setup);
        bySize = java.util.Collections.unmodifiableMap(new EnumMap<>(bySize));
    }

    /** Whether the table's size moves the score. */
    public boolean sizeSensitive() {
        return bySize.values().stream().distinct().count() > 1;
    }

    /** "5 · 30 · 65 · 75", or "—" when size does not matter. */
    public String sizeScores() {
        return sizeSensitive() ? bySize.values().stream().map(String::valueOf).collect(Collectors.joining(" · ")) : "—";
    }

    /** The locks as the table shows them: "SHARE ROW EXCLUSIVE (scan) + same on the referenced table". */
    public String locks() {
        List<String> parts = new ArrayList<>();
        for (TableLock lock : base.facts().locks()) {
            if (lock.table().equals(sample.target())) {
                parts.add(0, lock.describeMode());
            } else {
                parts.add(lock.describeMode() + " on " + lock.table().name());
            }
        }
        return parts.isEmpty() ? "—" : String.join(" + ", parts);
    }

    public String rewrite() {
        Boolean rewrite = base.facts().rewrite();
        return rewrite == null ? "?" : rewrite ? "yes" : "no";
    }
}
