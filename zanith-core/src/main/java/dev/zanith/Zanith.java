package dev.zanith;

import dev.zanith.introspect.Introspector;
import dev.zanith.schema.LiveSchema;

import java.sql.Connection;
import java.sql.SQLException;

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
}
