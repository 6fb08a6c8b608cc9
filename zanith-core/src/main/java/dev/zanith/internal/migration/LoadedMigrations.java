package dev.zanith.internal.migration;

import dev.zanith.api.migration.Migration;
import dev.zanith.api.migration.MigrationResource;
import dev.zanith.api.migration.MigrationSource;
import dev.zanith.api.exception.ZanithException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed migrations of one {@link MigrationSource}, kept between calls: each load reads the files' bytes
 * again but parses only a file whose content (or location) changed since the last load. A long-lived facade
 * (the Spring starter's health probes, endpoint and metrics) therefore pays YAML parsing once per file version,
 * not once per call. Thread-safe.
 */
public final class LoadedMigrations {

    /** One file as last parsed: its exact bytes and what they parsed to. */
    private record Parsed(byte[] content, Migration migration) {
    }

    private final MigrationSource source;
    private Map<String, Parsed> byLocation = Map.of();

    public LoadedMigrations(MigrationSource source) {
        this.source = source;
    }

    public MigrationSource source() {
        return source;
    }

    /**
     * Every migration of the source, ordered by id, as {@link MigrationLoader#load(MigrationSource)} returns it;
     * files whose bytes are unchanged since the previous call are not parsed again.
     *
     * @throws ZanithException for a malformed file or a duplicate id, exactly as the loader does
     */
    public List<Migration> load() {
        List<MigrationResource> resources = source.resources();
        Map<String, Parsed> previous;
        synchronized (this) {
            previous = byLocation;
        }
        Map<String, Parsed> current = new HashMap<>();
        List<Migration> migrations = new ArrayList<>(resources.size());
        Map<String, String> seen = new HashMap<>();
        for (MigrationResource resource : resources) {
            Parsed parsed = previous.get(resource.location());
            if (parsed == null || !Arrays.equals(parsed.content(), resource.content())) {
                parsed = new Parsed(resource.content(), MigrationLoader.parse(resource));
            }
            current.put(resource.location(), parsed);
            Migration migration = parsed.migration();
            String other = seen.putIfAbsent(migration.id(), resource.location());
            if (other != null) {
                throw MigrationLoader.duplicateId(resource, migration, other);
            }
            migrations.add(migration);
        }
        migrations.sort(Comparator.comparing(Migration::id, NaturalOrder.INSTANCE));
        synchronized (this) {
            byLocation = current;
        }
        return List.copyOf(migrations);
    }
}
