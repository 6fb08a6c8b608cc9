package dev.zanith;

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
}
