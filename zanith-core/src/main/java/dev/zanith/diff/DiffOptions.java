package dev.zanith.diff;

import java.util.List;

/** How to diff: the drop strategy and the user's rename hints. */
public record DiffOptions(DropStrategy dropStrategy, List<RenameHint> renames) {

    public DiffOptions {
        dropStrategy = dropStrategy == null ? DropStrategy.SOFT : dropStrategy;
        renames = renames == null ? List.of() : List.copyOf(renames);
    }

    public static DiffOptions defaults() {
        return new DiffOptions(DropStrategy.SOFT, List.of());
    }
}
