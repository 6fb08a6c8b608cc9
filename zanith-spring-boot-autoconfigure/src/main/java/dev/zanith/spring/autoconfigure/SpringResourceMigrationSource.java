package dev.zanith.spring.autoconfigure;

import dev.zanith.ZanithException;
import dev.zanith.migration.MigrationResource;
import dev.zanith.migration.MigrationSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Migration files found through Spring's resource patterns, so {@code classpath:} locations work inside
 * executable jars (nested jars) as well as in an IDE, and {@code file:} locations work too.
 */
final class SpringResourceMigrationSource implements MigrationSource {

    private static final String[] EXTENSIONS = {"yaml", "yml", "sql"};

    private final List<String> locations;
    private final ResourcePatternResolver resolver;

    SpringResourceMigrationSource(List<String> locations, ResourcePatternResolver resolver) {
        this.locations = List.copyOf(locations);
        this.resolver = resolver;
    }

    @Override
    public List<MigrationResource> resources() {
        Map<String, MigrationResource> byLocation = new TreeMap<>();
        for (String location : locations) {
            String base = location.startsWith("classpath:") ? "classpath*:" + location.substring("classpath:".length())
                    : location.contains(":") ? location : "file:" + location;
            base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
            for (String extension : EXTENSIONS) {
                try {
                    for (Resource resource : resolver.getResources(base + "/**/*." + extension)) {
                        if (!resource.isReadable() || resource.getFilename() == null) {
                            continue;
                        }
                        String description = resource.getURL().toString();
                        try (InputStream in = resource.getInputStream()) {
                            byLocation.putIfAbsent(description, new MigrationResource(resource.getFilename(),
                                    description, in.readAllBytes()));
                        }
                    }
                } catch (IOException e) {
                    throw new ZanithException("Cannot read migrations at " + location + ": " + e.getMessage()
                            + ". Check zanith.locations.", e);
                }
            }
        }
        return new ArrayList<>(byLocation.values());
    }

    @Override
    public String describe() {
        return String.join(", ", locations);
    }
}
