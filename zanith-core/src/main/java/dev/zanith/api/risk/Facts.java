package dev.zanith.api.risk;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a step does to the database, behind its level and score. The booleans are null only where the model
 * cannot know (hand-written SQL).
 *
 * @param locks         the strongest lock per table touched, a foreign key's referenced table included
 * @param rewrite       whether every row is copied into a new file (and every index rebuilt)
 * @param scan          whether existing rows are read (validation, index build, copy)
 * @param transactional whether it can run inside a transaction block
 * @param breaksClients whether clients written against the old shape can fail (renames, drops, stricter rules)
 * @param dataLoss      whether stored values can be lost
 */
public record Facts(List<TableLock> locks, @Nullable Boolean rewrite, @Nullable Boolean scan, boolean transactional,
                    @Nullable Boolean breaksClients, @Nullable Boolean dataLoss) {

    public Facts {
        locks = List.copyOf(locks);
    }

    /** True only when the model knows the step can lose data. */
    public boolean canLoseData() {
        return Boolean.TRUE.equals(dataLoss);
    }

    /** The strongest lock over all tables, if any. */
    public Optional<LockMode> strongestLock() {
        return locks.stream().map(TableLock::mode).reduce(LockMode::strongest);
    }
}
