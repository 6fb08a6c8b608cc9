package dev.zanith.maven;

import dev.zanith.Zanith;
import dev.zanith.ZanithConfig;
import dev.zanith.api.ShadowProvider;
import org.apache.maven.plugins.annotations.Parameter;

/** The goals that rehearse on a throwaway shadow database: {@code shadow} and {@code shadowReset}. */
abstract class AbstractShadowMojo extends AbstractZanithMojo {

    /**
     * Throwaway database for normalizing DDL and replaying migrations: embedded (a private PostgreSQL, the default),
     * database (a temporary database on the target server), schema (ephemeral schemas in the target database) or
     * the URL of an empty database.
     */
    @Parameter(property = "zanith.shadow")
    String shadow;

    /** Allow a shadow URL to wipe a database that is not empty. */
    @Parameter(property = "zanith.shadow-reset", defaultValue = "false")
    boolean shadowReset;

    ShadowProvider shadowProvider(ZanithConfig config) {
        return new Zanith(config).shadow(shadow, shadowReset);
    }
}
