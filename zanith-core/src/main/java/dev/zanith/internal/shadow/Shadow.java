package dev.zanith.internal.shadow;

import dev.zanith.internal.jdbc.ConnectionSource;

/**
 * An open, throwaway shadow database. Anything may be done to it; {@link #close()} removes it (or everything
 * in it) again.
 */
public interface Shadow extends AutoCloseable {

    /** Connections to the shadow database (auto-commit, closed by the caller). */
    ConnectionSource connections();

    /** For people: what this shadow is and where, e.g. "temporary database zanith_shadow_1f2e... on jdbc:...". */
    String describe();

    /** The name of the provider that opened it ({@link ShadowSource#name()}). */
    String providerName();

    /** How real schema names appear in this shadow (identity but for the same-database schema topology). */
    default SchemaMapping mapping() {
        return SchemaMapping.IDENTITY;
    }

    /** Whether the shadow is a server of its own, thrown away afterwards (server-wide objects such as roles may be created). */
    default boolean privateServer() {
        return EmbeddedShadowProvider.NAME.equals(providerName());
    }

    /** Removes the shadow. Never throws; problems are logged with what to clean up by hand. Idempotent. */
    @Override
    void close();
}
