package dev.zanith.migration;

import dev.zanith.ZanithException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Migration files in a directory and its subdirectories. */
public final class DirectoryMigrationSource implements MigrationSource {

    private final Path directory;

    public DirectoryMigrationSource(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    @Override
    public List<MigrationResource> resources() {
        if (!Files.isDirectory(directory)) {
            throw new ZanithException("Migrations directory " + directory + " does not exist. Create it, or point "
                    + "--migrations at the directory that holds your migration files.");
        }
        List<MigrationResource> resources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (MigrationSource.isMigrationFile(name)) {
                    resources.add(new MigrationResource(name, file.toString(), Files.readAllBytes(file)));
                }
            }
        } catch (IOException e) {
            throw new ZanithException("Cannot read migrations directory " + directory + ": " + e.getMessage(), e);
        }
        return resources;
    }

    @Override
    public String describe() {
        return "directory " + directory;
    }
}
