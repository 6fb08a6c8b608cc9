package dev.zanith.command;

import dev.zanith.audit.MigrationState;
import dev.zanith.ZanithConfig;
import dev.zanith.ZanithConfigException;
import dev.zanith.ZanithException;
import dev.zanith.apply.Applier;
import dev.zanith.apply.ApplyListener;
import dev.zanith.apply.ApplyResult;
import dev.zanith.apply.StepExecutor;
import dev.zanith.audit.AuditLog;
import dev.zanith.audit.MigrationHistory;
import dev.zanith.migration.Migration;
import dev.zanith.migration.MigrationLoader;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** {@code zanith apply}: runs the pending migrations, auditing every step. */
public final class Apply {

    private final ZanithConfig config;
    private final ApplyListener listener;

    public Apply(ZanithConfig config, ApplyListener listener) {
        this.config = config;
        this.listener = listener;
    }

    public ApplyResult run() {
        if (config.migrations() == null) {
            throw new ZanithConfigException("No migrations to apply: pass --migrations DIR.");
        }
        List<Migration> files = MigrationLoader.load(config.migrations());
        MigrationHistory history = new MigrationHistory(config.auditTables());
        try (Connection c = config.connectionSource().open()) {
            history.ensureTables(c);
            MigrationState state = MigrationState.read(c, history, files);
            Applier applier = new Applier(new AuditLog(config.auditTables()), new StepExecutor(config.timeouts()),
                    config.tablePrefix(), config.archiveSchema(), listener);
            return applier.apply(c, state.pending());
        } catch (SQLException e) {
            throw new ZanithException("Apply on " + config.connectionSource().describeTarget() + " failed: "
                    + e.getMessage(), e);
        }
    }
}
