package dev.zanith.api;

import java.util.List;
import java.util.Set;

/**
 * How to diff: the drop strategy, the user's rename hints, whether changes to existing tables take their
 * online-safe form (the default) or their plain one (to describe what some SQL did, not to run it), and the
 * types that data parked by earlier soft drops still uses (from {@code Introspector#parkedTypes}), which are
 * kept whatever the target says.
 */
public record DiffOptions(DropStrategy dropStrategy, List<RenameHint> renames, boolean onlineSafe,
                          Set<String> parkedTypes) {

    public DiffOptions {
        dropStrategy = dropStrategy == null ? DropStrategy.SOFT : dropStrategy;
        renames = renames == null ? List.of() : List.copyOf(renames);
        parkedTypes = parkedTypes == null ? Set.of() : Set.copyOf(parkedTypes);
    }

    public DiffOptions(DropStrategy dropStrategy, List<RenameHint> renames, boolean onlineSafe) {
        this(dropStrategy, renames, onlineSafe, Set.of());
    }

    public DiffOptions(DropStrategy dropStrategy, List<RenameHint> renames) {
        this(dropStrategy, renames, true);
    }

    /** These options, also keeping {@code types} (used by parked data). */
    public DiffOptions withParkedTypes(Set<String> types) {
        return new DiffOptions(dropStrategy, renames, onlineSafe, types);
    }

    public static DiffOptions defaults() {
        return new DiffOptions(DropStrategy.SOFT, List.of());
    }

    /** Plain operations, hard drops, no renames: what a change amounts to. */
    public static DiffOptions plain() {
        return new DiffOptions(DropStrategy.HARD, List.of(), false);
    }
}
