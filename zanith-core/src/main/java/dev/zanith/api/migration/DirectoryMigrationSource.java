package dev.zanith.api.migration;

import dev.zanith.api.migration.MigrationResource;
import dev.zanith.api.migration.MigrationSource;
import dev.zanith.api.exception.ZanithException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Migration files in a directory and its subdirectories. A file is read again only when its size or modification
 * time changed since this source last read it, so a long-lived facade (health probes) lists the directory and
 * stats its files rather than reading them all each time.
 */
public final class DirectoryMigrationSource implements MigrationSource {

    /** A file's bytes as read, with the size and modification time they were read at. */
    private record Read(long size, FileTime modified, byte[] content) {
    }

    private final Path directory;
    private final Map<Path, Read> reads = new ConcurrentHashMap<>();

    public DirectoryMigrationSource(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    @Override
    public List<MigrationResource> resources() {
        if (Files.isRegularFile(directory)) {
            throw new ZanithException("Migrations directory " + directory + " is a file, not a directory. Point "
                    + "--migrations at the directory that holds it" + (directory.getParent() == null ? ""
                    : " (" + directory.getParent() + ")") + ".");
        }
        if (!Files.isDirectory(directory)) {
            throw new ZanithException("Migrations directory " + directory + " does not exist. Create it, or point "
                    + "--migrations at the directory that holds your migration files.");
        }
        List<MigrationResource> resources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (MigrationSource.isMigrationFile(name) && !inHiddenDirectory(file)) {
                    resources.add(new MigrationResource(name, file.toString(), content(file)));
                }
            }
        } catch (IOException e) {
            throw new ZanithException("Cannot read migrations directory " + directory + ": " + e.getMessage(), e);
        }
        return resources;
    }

    /** Whether a directory between the migrations directory and {@code file} is hidden ({@code .git}, ...). */
    private boolean inHiddenDirectory(Path file) {
        Path parent = directory.relativize(file).getParent();
        if (parent == null) {
            return false;
        }
        for (Path part : parent) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private byte[] content(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        MigrationSource.checkSize(file.getFileName().toString(), file.toString(), attributes.size());
        Read last = reads.get(file);
        if (last != null && last.size() == attributes.size() && last.modified().equals(attributes.lastModifiedTime())) {
            return last.content();
        }
        byte[] content = Files.readAllBytes(file);
        reads.put(file, new Read(attributes.size(), attributes.lastModifiedTime(), content));
        return content;
    }

    @Override
    public String describe() {
        return "directory " + directory;
    }
}
