package dev.zanith.internal.apply;

import dev.zanith.internal.step.StepHook;
import dev.zanith.internal.audit.AuditQuery;
import dev.zanith.internal.audit.AuditTables;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The six questions of docs/AUDIT.md: the page's SQL is exactly the shipped {@link AuditQuery} text, and each query
 * answers sensibly on a database that real applies filled (an applied migration, another with a soft drop and a
 * backfill, a third that failed).
 */
@RealPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditQueriesTest {

    private static final Path DOC = Path.of("..", "docs", "AUDIT.md");
    private static final Pattern SQL_BLOCK = Pattern.compile("```sql\\n(.*?)\\n```", Pattern.DOTALL);
    private static final Pattern PSQL_VARIABLE = Pattern.compile("(?<![:\\w]):([a-z_]+)\\b");

    private TestDatabase db;
    private ApplyFixture f;
    private List<String> blocks;

    @BeforeAll
    void fill(TestDatabase database, @org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        db = database;
        db.execute("""
                CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, legacy text, score int NOT NULL DEFAULT 0);
                INSERT INTO users (id, email, legacy) SELECT g, 'u' || g || '@example.com', 'x' FROM generate_series(1, 20) g;
                """);
        f = new ApplyFixture(db, dir)
                .migration("20260101000000_login", """
                          - addColumn:
                              table: public.users
                              column: {name: last_login, type: timestamptz}
                          - addIndex:
                              table: public.users
                              index: {name: users_email_idx, keys: [email]}
                              concurrently: true
                        """)
                .migration("20260102000000_cleanup", """
                          - softDropColumn:
                              table: public.users
                              column: legacy
                          - backfill:
                              table: public.users
                              set: {score: score + 1}
                        """)
                .migration("20260103000000_broken", """
                          - rawSql:
                              sql: SELECT 1 / 0
                        """);
        // Every apply records recovery artifacts (dev.zanith.internal.recover.ArtifactRecorder): the soft drop leaves one.
        ApplyFixture.Recorder run = f.apply(f.config().build(), ApplyFixture.RISKY, StepHook.NONE);
        assertThat(run.result.appliedCount()).isEqualTo(2);
        assertThat(run.result.failedStep()).isPresent();
        blocks = new ArrayList<>();
        Matcher m = SQL_BLOCK.matcher(Files.readString(DOC));
        while (m.find()) {
            blocks.add(m.group(1));
        }
    }

    @Test
    void theDocShowsExactlyTheShippedQueries() {
        AuditTables defaults = new AuditTables("public", "_zanith_");
        assertThat(blocks).as("the ```sql blocks of " + DOC + " (regenerate them from dev/zanith/sql/audit/queries)")
                .containsExactly(java.util.Arrays.stream(AuditQuery.values()).map(q -> q.sql(defaults).strip())
                        .toArray(String[]::new));
    }

    @Test
    void recentMigrationsWithTheirRisk() {
        assertThat(run(0)).extracting(r -> r.get("id"), r -> r.get("steps"), r -> r.get("worst_score"), r -> r.get("worst_level"))
                .containsExactly(tuple("20260102000000_cleanup", 2L, 20, "medium"),
                        tuple("20260101000000_login", 2L, 20, "medium"));
    }

    @Test
    void averageStepDurationByKind() {
        assertThat(run(1)).extracting(r -> r.get("operation_kind")).containsExactlyInAnyOrder("addColumn", "addIndex",
                "softDropColumn", "backfill");
        assertThat(run(1)).allSatisfy(r -> assertThat((Long) r.get("runs")).isEqualTo(1L));
    }

    @Test
    void failedStepsOfTheLastWeekWithTheirErrors() {
        assertThat(run(2)).singleElement().satisfies(r -> {
            assertThat(r.get("migration_id")).isEqualTo("20260103000000_broken");
            assertThat(r.get("sqlstate")).isEqualTo("22012");
            assertThat((String) r.get("error")).contains("division by zero");
        });
    }

    @Test
    void perMigrationRiskProfileRanked() {
        assertThat(run(3)).extracting(r -> r.get("migration_id"), r -> r.get("worst_score"), r -> r.get("total_score"),
                r -> r.get("applied")).containsExactly(
                tuple("20260101000000_login", 20, 30L, true),
                tuple("20260102000000_cleanup", 20, 30L, true),
                tuple("20260103000000_broken", 10, 10L, false));
    }

    @Test
    void liveArtifactsByAgeAndSize() {
        assertThat(run(4)).singleElement().satisfies(r -> {
            assertThat(r.get("artifact_type")).isEqualTo("soft_drop_column");
            assertThat(r.get("source")).isEqualTo("public.users.legacy");
            assertThat((String) r.get("size")).matches("\\d+ bytes");
            assertThat(r.get("row_count")).isEqualTo(20L);
            assertThat((String) r.get("physical_name")).startsWith("_zanith_").endsWith("_legacy");
        });
    }

    @Test
    void diffBetweenTwoSnapshots() {
        Object from = f.value("SELECT id FROM _zanith_schema_snapshots WHERE migration_id = '20260101000000_login' "
                + "AND phase = 'before'");
        Object to = f.value("SELECT id FROM _zanith_schema_snapshots WHERE migration_id = '20260102000000_cleanup' "
                + "AND phase = 'after'");
        assertThat(run(5, Map.of("from_id", from, "to_id", to))).extracting(r -> r.get("model"), r -> r.get("field"),
                r -> r.get("change")).containsExactly(
                tuple("public.users", "last_login", "added"),
                tuple("public.users", "legacy", "removed"));
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }

    private List<Map<String, Object>> run(int block) {
        return run(block, Map.of());
    }

    /** Runs the doc's block as psql would, with {@code :name} variables bound as parameters. */
    private List<Map<String, Object>> run(int block, Map<String, Object> variables) {
        String text = blocks.get(block);
        List<Object> params = new ArrayList<>();
        Matcher m = PSQL_VARIABLE.matcher(text);
        StringBuilder sql = new StringBuilder();
        while (m.find()) {
            params.add(variables.get(m.group(1)));
            m.appendReplacement(sql, "?");
        }
        m.appendTail(sql);
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("query " + (block + 1) + " of " + DOC + " failed: " + e.getMessage(), e);
        }
    }
}
