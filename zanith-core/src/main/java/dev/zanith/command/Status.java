package dev.zanith.command;

import dev.zanith.ZanithConfig;
import dev.zanith.ZanithException;
import dev.zanith.apply.AdvisoryLock;
import dev.zanith.apply.LockHolder;
import dev.zanith.audit.AppliedMigration;
import dev.zanith.audit.AuditLog;
import dev.zanith.audit.AuditTables;
import dev.zanith.audit.MigrationHistory;
import dev.zanith.audit.StepRow;
import dev.zanith.migration.Migration;
import dev.zanith.migration.MigrationLoader;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code zanith status}: applied, pending, failed or interrupted, and who holds the apply lock. Read-only. */
public final class Status {

    /**
     * Where a target stands.
     *
     * @param initialized whether the audit tables exist
     * @param pending     migration files not applied yet, or null when no migrations directory was given
     * @param changed     applied migrations whose file changed since (apply refuses until repaired)
     * @param unfinished  step rows of migrations that started but are not applied (failed or interrupted)
     * @param lockHolder  the session applying right now, if any
     */
    public record Report(String target, boolean initialized, List<AppliedMigration> applied, List<Migration> pending,
                         List<String> changed, List<StepRow> unfinished, Optional<LockHolder> lockHolder) {

        /** Unfinished step rows grouped by migration id, in order. */
        public Map<String, List<StepRow>> unfinishedByMigration() {
            return unfinished.stream().collect(Collectors.groupingBy(StepRow::migrationId,
                    java.util.LinkedHashMap::new, Collectors.toList()));
        }
    }

    private final ZanithConfig config;

    public Status(ZanithConfig config) {
        this.config = config;
    }

    public Report run() {
        List<Migration> files = config.migrations() == null ? null : MigrationLoader.load(config.migrations());
        AuditTables tables = config.auditTables();
        MigrationHistory history = new MigrationHistory(tables);
        try (Connection c = config.connectionSource().open()) {
            c.setAutoCommit(true);
            boolean initialized = history.exists(c);
            List<AppliedMigration> applied = initialized ? history.applied(c) : List.of();
            List<StepRow> unfinished = initialized ? new AuditLog(tables).unfinishedSteps(c) : List.of();
            Optional<LockHolder> holder = AdvisoryLock.holder(c, tables.lockKey("apply"));
            List<Migration> pending = null;
            List<String> changed = List.of();
            if (files != null) {
                Map<String, AppliedMigration> byId = applied.stream()
                        .collect(Collectors.toMap(AppliedMigration::id, Function.identity(), (a, b) -> a));
                pending = files.stream().filter(f -> !byId.containsKey(f.id())).toList();
                changed = files.stream().filter(f -> byId.containsKey(f.id())
                        && !byId.get(f.id()).checksum().equals(f.checksum())).map(Migration::id).toList();
                Set<String> pendingIds = pending.stream().map(Migration::id).collect(Collectors.toSet());
                unfinished = unfinished.stream().filter(s -> pendingIds.contains(s.migrationId())).toList();
            }
            return new Report(Apply.target(config), initialized, applied, pending, changed, unfinished, holder);
        } catch (SQLException e) {
            throw new ZanithException("Status of " + config.connectionSource().describeTarget() + " failed: "
                    + e.getMessage(), e);
        }
    }
}
