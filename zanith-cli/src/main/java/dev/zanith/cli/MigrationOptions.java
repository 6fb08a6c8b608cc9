package dev.zanith.cli;

import dev.zanith.api.migration.DirectoryMigrationSource;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --migrations DIR}. */
final class MigrationOptions {

    @Option(names = "--migrations", paramLabel = "DIR", defaultValue = "${env:ZANITH_MIGRATIONS}",
            description = "Directory of migration files (.yaml, .sql). Default: $ZANITH_MIGRATIONS.")
    Path directory;

    DirectoryMigrationSource source() {
        return directory == null ? null : new DirectoryMigrationSource(directory);
    }
}
