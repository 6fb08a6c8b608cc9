package dev.zanith.api.migration;

import dev.zanith.api.migration.MigrationResource;
import dev.zanith.api.migration.MigrationSource;
import dev.zanith.api.exception.ZanithException;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Migration files under a classpath location ({@code db/zanith/migrations}), from directories and plain jars.
 * Spring Boot supplies its own source for nested jars.
 */
public final class ClasspathMigrationSource implements MigrationSource {

    private final String location;
    private final ClassLoader classLoader;

    public ClasspathMigrationSource(String location, ClassLoader classLoader) {
        String trimmed = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
        this.location = trimmed.replaceAll("^/+", "").replaceAll("/+$", "");
        this.classLoader = classLoader;
    }

    @Override
    public List<MigrationResource> resources() {
        List<MigrationResource> resources = new ArrayList<>();
        try {
            Enumeration<URL> roots = classLoader.getResources(location);
            for (URL root : Collections.list(roots)) {
                if ("file".equals(root.getProtocol())) {
                    readDirectory(Path.of(root.toURI()), resources);
                } else if ("jar".equals(root.getProtocol())) {
                    readJar(root, resources);
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new ZanithException("Cannot list migrations at classpath:" + location + ": " + e.getMessage(), e);
        }
        return resources;
    }

    private static void readDirectory(Path directory, List<MigrationResource> out) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (MigrationSource.isMigrationFile(name)) {
                    MigrationSource.checkSize(name, file.toString(), Files.size(file));
                    out.add(new MigrationResource(name, file.toString(), Files.readAllBytes(file)));
                }
            }
        }
    }

    private void readJar(URL root, List<MigrationResource> out) throws IOException {
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            String prefix = location + "/";
            List<JarEntry> entries = Collections.list(jar.entries()).stream()
                    .filter(e -> !e.isDirectory() && e.getName().startsWith(prefix))
                    .sorted(java.util.Comparator.comparing(JarEntry::getName)).toList();
            for (JarEntry entry : entries) {
                String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                if (MigrationSource.isMigrationFile(name)) {
                    MigrationSource.checkSize(name, "classpath:" + entry.getName(), entry.getSize());
                    try (InputStream in = jar.getInputStream(entry)) {
                        out.add(new MigrationResource(name, "classpath:" + entry.getName(), in.readAllBytes()));
                    }
                }
            }
        }
    }

    @Override
    public String describe() {
        return "classpath:" + location;
    }
}
