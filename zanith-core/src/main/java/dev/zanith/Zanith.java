package dev.zanith;

import dev.zanith.apply.ApplyGuard;
import dev.zanith.apply.ApplyListener;
import dev.zanith.apply.ApplyResult;
import dev.zanith.apply.StepHook;
import dev.zanith.command.Apply;
import dev.zanith.command.History;
import dev.zanith.command.Repair;
import dev.zanith.command.Status;
import dev.zanith.introspect.Introspector;
import dev.zanith.migration.Migration;
import dev.zanith.migration.MigrationLoader;
import dev.zanith.plan.Plan;
import dev.zanith.schema.LiveSchema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The entry point: one immutable configuration, one method per command. Used by the CLI and by the Spring
 * Boot starter.
 */
public final class Zanith {

    private final ZanithConfig config;

    public Zanith(ZanithConfig config) {
        this.config = config;
    }

    public ZanithConfig config() {
        return config;
    }

    /** Reads the live database into a schema graph. */
    public LiveSchema inspect() {
        try (Connection c = config.connectionSource().open()) {
            return new Introspector(config.introspectionOptions()).introspect(c);
        } catch (SQLException e) {
            throw new ZanithException("Introspection of " + config.connectionSource().describeTarget()
                    + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Plans the pending migrations: classifies every step, runs the preflight data checks and applies the gates,
     * in one read-only transaction. Nothing in the database changes, not even the audit tables.
     */
    public Plan plan() {
        if (config.migrations() == null) {
            throw new ZanithConfigException("No migrations to plan: pass --migrations DIR (or configure a migration "
                    + "location).");
        }
        List<Migration> files = MigrationLoader.load(config.migrations());
        try (Connection c = config.connectionSource().open()) {
            return config.planner().plan(c, files);
        } catch (SQLException e) {
            throw new ZanithException("Planning against " + config.connectionSource().describeTarget() + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** Applies the pending migrations under the apply lock, auditing every step (no pre-apply check). */
    public ApplyResult apply(ApplyListener listener) {
        return new Apply(config, listener).run();
    }

    /** Applies the pending migrations with a pre-apply check and a step hook. */
    public ApplyResult apply(ApplyListener listener, ApplyGuard guard, StepHook stepHook) {
        return new Apply(config, listener, guard, stepHook).run();
    }

    /** Applied, pending and unfinished migrations and the apply lock's holder. */
    public Status.Report status() {
        return new Status(config).run();
    }

    /** Applied migrations in order with their steps, then unfinished ones. */
    public List<History.Entry> history() {
        return new History(config).run();
    }

    /** Accepts the current content of an edited, applied migration file (recorded in the ledger). */
    public Repair.Result acceptChecksum(String migrationId) {
        return new Repair(config).acceptChecksum(migrationId);
    }

    /**
     * Rehearses the pending migrations on a shadow database (see {@link dev.zanith.verify.Verifier}).
     *
     * @param declared a declared schema to compare with, or null to compare with the steps' expected result
     */
    public dev.zanith.verify.VerifyResult verify(java.nio.file.Path declared, dev.zanith.shadow.ShadowProvider shadow) {
        return new dev.zanith.command.Verify(config).run(declared, shadow);
    }

    /** What changed between two schema snapshots (a number, {@code ID:before|after}, or a migration id). */
    public dev.zanith.command.Snapshots.Comparison compareSnapshots(String from, String to) {
        return new dev.zanith.command.Snapshots(config).diff(from, to);
    }

    /** The recorded schema snapshots, oldest first. */
    public List<dev.zanith.audit.SnapshotInfo> snapshots() {
        return new dev.zanith.command.Snapshots(config).list();
    }
}
