package dev.zanith.internal.recover;

import dev.zanith.api.output.Artifact;
import dev.zanith.Zanith;
import dev.zanith.ZanithConfig;
import dev.zanith.api.ApplyListener;
import dev.zanith.api.output.ApplyResult;
import dev.zanith.api.migration.DirectoryMigrationSource;
import dev.zanith.testsupport.TestDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A test database, a migrations directory and a Zanith over both. */
final class RecoverFixture {

    final TestDatabase db;
    final Path dir;

    RecoverFixture(TestDatabase db, Path dir) {
        this.db = db;
        this.dir = dir;
    }

    ZanithConfig.Builder config() {
        return ZanithConfig.builder().url(db.jdbcUrl()).migrations(new DirectoryMigrationSource(dir))
                .allowDestructive(true).lockRetryBackoff(Duration.ofMillis(20)).lockRetryMaxBackoff(Duration.ofMillis(200));
    }

    Zanith zanith() {
        return new Zanith(config().build());
    }

    /** Writes {@code <id>.yaml} with the given operations (YAML list items indented by two) and applies it. */
    ApplyResult apply(String id, String operations) {
        try {
            Files.writeString(dir.resolve(id + ".yaml"), "id: " + id + "\noperations:\n" + operations.stripIndent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ApplyResult result = zanith().apply(ApplyListener.NONE);
        assertThat(result.refused()).as(String.valueOf(result.refusal())).isFalse();
        assertThat(result.succeeded()).as(result.failedStep().map(s -> s.error()).orElse("")).isTrue();
        return result;
    }

    /** The only artifact whose id ends with {@code suffix}. */
    Artifact artifact(String suffix) {
        List<Artifact> found = zanith().artifacts().stream().filter(a -> a.id().endsWith(suffix)).toList();
        assertThat(found).as("artifacts ending with " + suffix).hasSize(1);
        return found.get(0);
    }

    /** md5 over the rows of {@code table} (its columns as listed, in key order). */
    String md5(String table, String columns, String orderBy) {
        return text("SELECT md5(string_agg(CAST(ROW(" + columns + ") AS text), E'\\n' ORDER BY " + orderBy + ")) FROM "
                + table);
    }

    String text(String sql) {
        List<String> values = column(sql);
        return values.isEmpty() ? null : values.get(0);
    }

    long number(String sql) {
        return Long.parseLong(text(sql));
    }

    List<String> column(String sql) {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
