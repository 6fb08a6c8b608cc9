package dev.zanith.internal.command;

import dev.zanith.ZanithConfig;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.step.AdvisoryLock;
import dev.zanith.api.output.LockHolder;
import dev.zanith.api.output.AppliedMigration;
import dev.zanith.internal.audit.AuditLog;
import dev.zanith.internal.audit.AuditTables;
import dev.zanith.internal.audit.MigrationHistory;
import dev.zanith.api.output.StepRow;
import dev.zanith.api.migration.Migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code zanith status}: applied, pending, failed or interrupted, and who holds the apply lock. Read-only. */
public final class Status {

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
    public record Report(String target, boolean initialized, List<AppliedMigration> applied, List<AppliedMigration> restores,
                         List<Migration> pending, List<String> changed, List<StepRow> unfinished,
                         Optional<LockHolder> lockHolder) {

        /** Unfinished step rows grouped by migration id, in order. */
        public Map<String, List<StepRow>> unfinishedByMigration() {
            return unfinished.stream().collect(Collectors.groupingBy(StepRow::migrationId,
                    java.util.LinkedHashMap::new, Collectors.toList()));
        }
    }

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
    public record Summary(String target, boolean initialized, long applied, long restores, List<String> pending,
                          List<StepRow> failedSteps, AppliedMigration lastApplied, Optional<LockHolder> lockHolder) {

        public Summary {
            pending = pending == null ? null : List.copyOf(pending);
            failedSteps = List.copyOf(failedSteps);
        }
    }

    private final ZanithConfig config;

    public Status(ZanithConfig config) {
        this.config = config;
    }

    public Report run() {
        List<Migration> files = config.migrations() == null ? null : config.loadMigrations();
        AuditTables tables = config.auditTables();
        MigrationHistory history = new MigrationHistory(tables);
        try (Connection c = config.connectionSource().open()) {
            c.setAutoCommit(true);
            boolean initialized = history.exists(c);
            List<AppliedMigration> ledger = initialized ? history.applied(c) : List.of();
            List<AppliedMigration> applied = ledger.stream().filter(m -> !m.restore()).toList();
            List<AppliedMigration> restores = ledger.stream().filter(AppliedMigration::restore).toList();
            List<StepRow> unfinished = initialized ? new AuditLog(tables).unfinishedSteps(c) : List.of();
            Optional<LockHolder> holder = AdvisoryLock.holder(c, tables.lockKey("apply"));
            List<Migration> pending = null;
            List<String> changed = List.of();
            if (files != null) {
                pending = dev.zanith.internal.audit.MigrationState.pending(files, applied);
                changed = dev.zanith.internal.audit.MigrationState.changed(files, applied);
                Set<String> pendingIds = pending.stream().map(Migration::id).collect(Collectors.toSet());
                unfinished = unfinished.stream().filter(s -> pendingIds.contains(s.migrationId())).toList();
            }
            return new Report(Apply.target(config), initialized, applied, restores, pending, changed, unfinished, holder);
        } catch (SQLException e) {
            throw new ZanithException("Status of " + config.connectionSource().describeTarget() + " failed: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The numbers of {@link Summary}: no file is parsed again unless it changed, and the database answers five short
     * queries (the apply lock's holder in pg_locks; whether the ledger exists; its counts and which file ids it lacks;
     * failed steps through their partial index; the latest migration through the applied_at index) whose cost does
     * not grow with the number of applied migrations beyond an index-only count.
     */
    public Summary summary() {
        List<Migration> files = config.migrations() == null ? null : config.loadMigrations();
        List<String> fileIds = files == null ? List.of() : files.stream().map(Migration::id).toList();
        AuditTables tables = config.auditTables();
        MigrationHistory history = new MigrationHistory(tables);
        try (Connection c = config.connectionSource().open()) {
            c.setAutoCommit(true);
            Optional<LockHolder> holder = AdvisoryLock.holder(c, tables.lockKey("apply"));
            if (!history.exists(c)) {
                return new Summary(Apply.target(config), false, 0, 0, files == null ? null : fileIds, List.of(), null,
                        holder);
            }
            MigrationHistory.LedgerSummary ledger = history.summary(c, fileIds);
            Set<String> pendingIds = Set.copyOf(ledger.notApplied());
            List<StepRow> failed = new AuditLog(tables).failedUnfinishedSteps(c).stream()
                    .filter(s -> files == null || pendingIds.contains(s.migrationId())).toList();
            return new Summary(Apply.target(config), true, ledger.migrations(), ledger.restores(),
                    files == null ? null : ledger.notApplied(), failed, history.lastApplied(c).orElse(null), holder);
        } catch (SQLException e) {
            throw new ZanithException("Status of " + config.connectionSource().describeTarget() + " failed: "
                    + e.getMessage(), e);
        }
    }
}
