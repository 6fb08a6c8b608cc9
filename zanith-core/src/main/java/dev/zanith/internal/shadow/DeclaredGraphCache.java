package dev.zanith.internal.shadow;

import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.SchemaGraphJson;
import dev.zanith.internal.Checksums;
import dev.zanith.internal.introspect.IntrospectionOptions;
import dev.zanith.internal.sql.SqlScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Declared {@code .sql} schemas already run on a shadow and read back, by everything that decides the result: the
 * statements' text, the Zanith build that read them, the shadow's kind, and what its server and session bring
 * ({@code introspect/shadow-cache-facts.sql}: version, role, roles, settings, extension versions), and the
 * introspection options. A declared file whose result depends on the moment it runs (a DO block naming a partition
 * after today's date) is read back as it was first run. Replaying a large declared schema is most of what {@code generate}
 * costs (at 1,000 models, ~90 s of DDL on two cores, where reading the graph back from here takes well under a
 * second), and a declared file changes far less often than generate runs. Any difference in the key is a miss.
 *
 * <p>Entries are files in {@code $ZANITH_CACHE_DIR/declared} (default {@code ${XDG_CACHE_HOME:-~/.cache}/zanith},
 * the directory {@code bin/zanith} keeps its class archive in): the graph's JSON, written to a temporary file and
 * moved into place, so a reader sees a whole entry or none. The newest {@value #KEEP} are kept, and temporary files a
 * writer left are removed after ten minutes. An entry that cannot be read is a miss and is replaced; a cache
 * directory that cannot be written only costs the speed-up.
 */
final class DeclaredGraphCache {

    private static final Logger LOG = LoggerFactory.getLogger(DeclaredGraphCache.class);
    static final int KEEP = 16;
    /** The Zanith build: a change to introspection must never be answered from an entry an older build wrote. */
    private static final String BUILD = buildStamp();

    private final Path directory;

    DeclaredGraphCache(Path directory) {
        this.directory = directory;
    }

    /** The cache in {@code $ZANITH_CACHE_DIR/declared}, or empty when no cache directory can be named. */
    static Optional<DeclaredGraphCache> standard() {
        String configured = System.getenv("ZANITH_CACHE_DIR");
        Path root;
        if (configured != null && !configured.isBlank()) {
            root = Path.of(configured);
        } else {
            String xdg = System.getenv("XDG_CACHE_HOME");
            String home = System.getProperty("user.home");
            if (xdg != null && !xdg.isBlank()) {
                root = Path.of(xdg, "zanith");
            } else if (home != null && !home.isBlank() && !home.equals("?")) {
                root = Path.of(home, ".cache", "zanith");
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(new DeclaredGraphCache(root.resolve("declared")));
    }

    /**
     * The key of {@code script} run on a shadow of kind {@code provider} whose server reports {@code serverFacts}
     * ({@code introspect/shadow-cache-facts.sql}), read back with {@code options} through an identity mapping or
     * not: a SHA-256 over all of it and this build's stamp.
     */
    static String key(SqlScript script, String provider, String serverFacts, boolean identityMapping,
                      IntrospectionOptions options) {
        StringBuilder text = new StringBuilder("zanith declared graph 1\n").append(BUILD).append('\n')
                .append(provider).append('\n').append(serverFacts).append('\n').append(identityMapping).append('\n')
                .append(options.schemas()).append('\n').append(options.excludedPrefix()).append('\n')
                .append(options.skipMissingSchemas()).append('\n');
        for (SqlScript.Statement statement : script.statements()) {
            text.append(statement.sql().length()).append(':').append(statement.sql());
            if (statement.copyData() != null) {
                text.append(statement.copyData().length()).append(':').append(statement.copyData());
            }
            text.append('\n');
        }
        return Checksums.sha256Hex(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    Optional<SchemaGraph> get(String key) {
        Path entry = directory.resolve(key + ".json");
        if (!Files.isRegularFile(entry)) {
            return Optional.empty();
        }
        try {
            SchemaGraph graph = SchemaGraphJson.fromJson(Files.readString(entry), entry.toString());
            touch(entry);
            return Optional.of(graph);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Ignoring the unreadable cache entry {}: {}", entry, e.getMessage());
            return Optional.empty();
        }
    }

    void put(String key, SchemaGraph graph) {
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, key, ".tmp");
            Files.writeString(temporary, SchemaGraphJson.toCompactJson(graph));
            Files.move(temporary, directory.resolve(key + ".json"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            prune();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not cache the declared schema in {}: {}", directory, e.getMessage());
        }
    }

    /** This Zanith build's stamp, which keys everything cached across runs. */
    static String build() {
        return BUILD;
    }

    Path directory() {
        return directory;
    }

    private void prune() throws IOException {
        List<Path> entries;
        try (Stream<Path> files = Files.list(directory)) {
            entries = files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted(Comparator.comparing(DeclaredGraphCache::modified).reversed()).toList();
        }
        for (Path old : entries.subList(Math.min(KEEP, entries.size()), entries.size())) {
            Files.deleteIfExists(old);
        }
        // what a writer that died between writing and moving left behind (a live writer's file is seconds old)
        long stale = System.currentTimeMillis() - java.util.concurrent.TimeUnit.MINUTES.toMillis(10);
        try (Stream<Path> files = Files.list(directory)) {
            for (Path leftover : files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()) {
                if (modified(leftover) < stale) {
                    Files.deleteIfExists(leftover);
                }
            }
        }
    }

    private static void touch(Path entry) {
        try {
            Files.setLastModifiedTime(entry, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // a read-only cache still answers; it only forgets the use
        }
    }

    private static long modified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The jar (path, size, time) or class directory (newest file time, file count) this class was loaded from. */
    private static String buildStamp() {
        try {
            CodeSource source = DeclaredGraphCache.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return "unknown " + System.nanoTime(); // never equal: no caching across processes
            }
            Path location = Path.of(source.getLocation().toURI());
            if (Files.isDirectory(location)) {
                long newest = 0;
                long count = 0;
                try (Stream<Path> files = Files.walk(location)) {
                    for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                        newest = Math.max(newest, modified(file));
                        count++;
                    }
                }
                return location + " " + newest + " " + count;
            }
            return location + " " + Files.size(location) + " " + modified(location);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unknown " + System.nanoTime();
        }
    }
}
