package dev.zanith.spring.autoconfigure;

import dev.zanith.api.migration.MigrationResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpringResourceMigrationSourceTest {

    @TempDir
    Path dir;

    @Test
    void oneWalkFindsEveryMigrationFileInNestedDirectoriesAndNothingElse() throws Exception {
        write("V001__a.sql", "SELECT 1;");
        write("nested/V002__b.yaml", "id: V002__b\n");
        write("nested/deeper/V003__c.yml", "id: V003__c\n");
        write("V004__upper.SQL", "SELECT 4;");
        write("named.sql/V005__inside.sql", "SELECT 5;"); // a directory named like a file: only its file counts
        write(".V006__hidden.sql", "SELECT 6;");
        write("V007__backup.sql~", "SELECT 7;");
        write("#V008__autosave.sql#", "SELECT 8;");
        write("README.md", "not a migration");

        SpringResourceMigrationSource source = new SpringResourceMigrationSource(List.of("file:" + dir),
                new PathMatchingResourcePatternResolver());
        List<MigrationResource> resources = source.resources();

        assertThat(resources).extracting(MigrationResource::fileName).containsExactlyInAnyOrder("V001__a.sql",
                "V002__b.yaml", "V003__c.yml", "V004__upper.SQL", "V005__inside.sql");
        assertThat(resources).filteredOn(r -> r.fileName().equals("V001__a.sql")).singleElement()
                .satisfies(r -> assertThat(new String(r.content(), StandardCharsets.UTF_8)).isEqualTo("SELECT 1;"));
    }

    @Test
    void aLocationWithoutSchemeOrWithATrailingSlashIsTheSameDirectory() throws Exception {
        write("V001__a.sql", "SELECT 1;");
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        assertThat(new SpringResourceMigrationSource(List.of(dir.toString()), resolver).resources())
                .extracting(MigrationResource::fileName).containsExactly("V001__a.sql");
        assertThat(new SpringResourceMigrationSource(List.of("file:" + dir + "/"), resolver).resources())
                .extracting(MigrationResource::fileName).containsExactly("V001__a.sql");
    }

    private void write(String relative, String content) throws Exception {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
