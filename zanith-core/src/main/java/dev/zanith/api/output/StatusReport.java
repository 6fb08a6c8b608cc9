package dev.zanith.api.output;

import dev.zanith.api.migration.Migration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Where a target stands.
 *
 * @param initialized whether the audit tables exist
 * @param applied     applied migrations in the order they were applied (restores left out)
 * @param restores    restores recorded in the ledger ({@code zanith recover}), oldest first: history, not migrations
 * @param pending     migration files not applied yet, or null when no migrations directory was given
 * @param changed     applied migrations whose file changed since (apply refuses until repaired)
 * @param unfinished  step rows of migrations that started but are not applied (failed or interrupted)
 * @param lockHolder  the session applying right now, if any
 */
public record StatusReport(String target, boolean initialized, List<AppliedMigration> applied,
                           List<AppliedMigration> restores, @Nullable List<Migration> pending, List<String> changed,
                           List<StepRow> unfinished, Optional<LockHolder> lockHolder) {

    /** Unfinished step rows grouped by migration id, in order. */
    public Map<String, List<StepRow>> unfinishedByMigration() {
        return unfinished.stream().collect(Collectors.groupingBy(StepRow::migrationId,
                java.util.LinkedHashMap::new, Collectors.toList()));
    }
}
