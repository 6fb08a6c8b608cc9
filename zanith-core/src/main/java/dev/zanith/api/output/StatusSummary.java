package dev.zanith.api.output;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where a target stands, in numbers, read with a bounded amount of work whatever the length of the history:
 * the parsed migration files come from the configuration's memo, and the database answers a few
 * index-backed queries (see {@link #summary()}).
 *
 * @param initialized   whether the audit tables exist
 * @param applied       how many migrations the ledger holds (restores left out)
 * @param restores      how many restores the ledger holds
 * @param pending       ids of migration files not applied yet, in order; null when no migrations are configured
 * @param failedSteps   failed steps of migrations that are not applied (of pending files, when files are known),
 *                      oldest failure first
 * @param lastApplied   the latest applied migration, or null
 * @param lockHolder    the session applying right now, if any
 */
public record StatusSummary(String target, boolean initialized, long applied, long restores,
                            @Nullable List<String> pending, List<StepRow> failedSteps,
                            @Nullable AppliedMigration lastApplied, Optional<LockHolder> lockHolder) {

    public StatusSummary {
        pending = pending == null ? null : List.copyOf(pending);
        failedSteps = List.copyOf(failedSteps);
    }
}
