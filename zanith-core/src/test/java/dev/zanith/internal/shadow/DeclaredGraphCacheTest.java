package dev.zanith.internal.shadow;

import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.SchemaGraphJson;
import dev.zanith.internal.introspect.IntrospectionOptions;
import dev.zanith.internal.jdbc.ConnectionSource;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A declared {@code .sql} schema run on a shadow once is read back from the cache while nothing that decides the
 * result changed, and run again when anything did (its text, the options) or the entry cannot be read.
 */
@RealPostgres
class DeclaredGraphCacheTest {

    @TempDir
    Path dir;

    private static final IntrospectionOptions OPTIONS = IntrospectionOptions.of(List.of("public"));

    @Test
    void anUnchangedDeclaredSchemaIsReadFromTheCacheAndAnyChangeRunsItAgain(TestDatabase db) throws Exception {
        DeclaredGraphCache cache = DeclaredGraphCache.standard().orElseThrow();
        ShadowSource shadows = ShadowProviders.temporaryDatabase(ConnectionSource.of(db.jdbcUrl(), null, null));
        // a table name no other run has used: the key is new
        String table = "t_" + UUID.randomUUID().toString().replace("-", "");
        Path declared = dir.resolve("schema.sql");
        Files.writeString(declared, "CREATE TABLE public." + table + " (id bigint PRIMARY KEY, note text);\n");

        SchemaGraph first = DeclaredSchema.loadEverySchema(declared, shadows, OPTIONS);
        assertThat(first.tables()).extracting(t -> t.name()).containsExactly(table);
        Path entry = only(cache, table);

        // the second run answers from the entry: proven by an entry that says something else
        Files.writeString(entry, SchemaGraphJson.toCompactJson(SchemaGraph.empty()));
        assertThat(DeclaredSchema.loadEverySchema(declared, shadows, OPTIONS)).isEqualTo(SchemaGraph.empty());

        // an unreadable entry is a miss: run again, and the entry rewritten
        Files.writeString(entry, "{not json");
        assertThat(DeclaredSchema.loadEverySchema(declared, shadows, OPTIONS)).isEqualTo(first);
        assertThat(SchemaGraphJson.fromJson(Files.readString(entry), "entry")).isEqualTo(first);

        // another text is another key: run on the shadow
        Files.writeString(declared, "CREATE TABLE public." + table + " (id bigint PRIMARY KEY, note text, n int);\n");
        SchemaGraph changed = DeclaredSchema.loadEverySchema(declared, shadows, OPTIONS);
        assertThat(changed.tables().get(0).columns()).hasSize(3);
        // and other options another key too
        assertThat(DeclaredGraphCache.key(dev.zanith.internal.sql.SqlScript.parse("SELECT 1"), "database", "f", true,
                OPTIONS)).isNotEqualTo(DeclaredGraphCache.key(dev.zanith.internal.sql.SqlScript.parse("SELECT 1"),
                "database", "f", true, new IntrospectionOptions(List.of("public"), "_old_", true)))
                .isNotEqualTo(DeclaredGraphCache.key(dev.zanith.internal.sql.SqlScript.parse("SELECT 1"),
                        "database", "g", true, OPTIONS))
                .isNotEqualTo(DeclaredGraphCache.key(dev.zanith.internal.sql.SqlScript.parse("SELECT 1"),
                        "embedded", "f", true, OPTIONS));
    }

    @Test
    void onlyTheNewestEntriesAreKept(@TempDir Path cacheDir) throws Exception {
        DeclaredGraphCache cache = new DeclaredGraphCache(cacheDir);
        for (int i = 0; i < DeclaredGraphCache.KEEP + 5; i++) {
            cache.put("k" + i, SchemaGraph.empty());
            Files.setLastModifiedTime(cacheDir.resolve("k" + i + ".json"),
                    java.nio.file.attribute.FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        cache.put("last", SchemaGraph.empty());
        try (var files = Files.list(cacheDir)) {
            assertThat(files.filter(p -> p.toString().endsWith(".json")).count()).isEqualTo(DeclaredGraphCache.KEEP);
        }
        assertThat(cache.get("last")).contains(SchemaGraph.empty());
        assertThat(cache.get("k0")).isEmpty();
    }

    /** The entry of {@code cache} whose graph names {@code table} (unique to the test that made it). */
    private static Path only(DeclaredGraphCache cache, String table) throws Exception {
        try (var files = Files.list(cache.directory())) {
            List<Path> entries = files.filter(p -> p.toString().endsWith(".json")).filter(p -> {
                try {
                    return Files.readString(p).contains(table);
                } catch (java.io.IOException e) {
                    return false;
                }
            }).toList();
            assertThat(entries).hasSize(1);
            return entries.get(0);
        }
    }
}
