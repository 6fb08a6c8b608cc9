package dev.zanith.internal.sql;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlResourcesRenderTest {

    @Test
    void replacesPlaceholdersWithSqlFragments() {
        assertThat(SqlResources.render("shadow/comment-database.sql", Map.of("database",
                Identifiers.quote("Shadow DB"), "comment", Identifiers.literal("it's ${not} a placeholder"))))
                .endsWith("COMMENT ON DATABASE \"Shadow DB\" IS 'it''s ${not} a placeholder'\n");
    }

    @Test
    void missingOrUnusedFragmentsAreBugs() {
        assertThatThrownBy(() -> SqlResources.render("shadow/drop-schema.sql", Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("No value for ${schema}");
        assertThatThrownBy(() -> SqlResources.render("shadow/drop-schema.sql", Map.of("schema", "s", "extra", "x")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("has no placeholder");
    }
}
