package dev.zanith.cli;

import dev.zanith.Zanith;
import dev.zanith.ZanithConfig;
import dev.zanith.api.ShadowProvider;
import picocli.CommandLine.Option;

/** {@code --shadow} and {@code --shadow-reset}. */
final class ShadowOptions {

    @Option(names = "--shadow", paramLabel = "SHADOW",
            description = "Throwaway database for normalizing DDL and replaying migrations: embedded (a private "
                    + "PostgreSQL, the default), database (a temporary database on the target server), schema (ephemeral "
                    + "schemas in the target database, isolated by search_path) or the URL of an empty database.")
    String shadow;

    @Option(names = "--shadow-reset", description = "Allow --shadow <url> to wipe a database that is not empty.")
    boolean reset;

    /** The provider for a configured target: {@code schema} shadows twin the configured schemas. */
    ShadowProvider provider(ZanithConfig config) {
        return new Zanith(config).shadow(shadow, reset);
    }
}
