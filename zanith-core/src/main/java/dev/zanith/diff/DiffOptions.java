package dev.zanith.diff;

import java.util.List;

/**
 * How to diff: the drop strategy, the user's rename hints, and whether changes to existing tables take their
 * online-safe form (the default) or their plain one (to describe what some SQL did, not to run it).
 */
public record DiffOptions(DropStrategy dropStrategy, List<RenameHint> renames, boolean onlineSafe) {

    public DiffOptions {
        dropStrategy = dropStrategy == null ? DropStrategy.SOFT : dropStrategy;
        renames = renames == null ? List.of() : List.copyOf(renames);
    }

    public DiffOptions(DropStrategy dropStrategy, List<RenameHint> renames) {
        this(dropStrategy, renames, true);
    }

    public static DiffOptions defaults() {
        return new DiffOptions(DropStrategy.SOFT, List.of());
    }

    /** Plain operations, hard drops, no renames: what a change amounts to. */
    public static DiffOptions plain() {
        return new DiffOptions(DropStrategy.HARD, List.of(), false);
    }
}
