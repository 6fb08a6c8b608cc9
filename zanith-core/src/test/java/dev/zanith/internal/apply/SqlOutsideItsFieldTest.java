package dev.zanith.internal.apply;

import dev.zanith.TestSettings;
import dev.zanith.api.output.ApplyResult;
import dev.zanith.internal.step.StepExecutor;
import dev.zanith.internal.step.Timeouts;
import dev.zanith.ZanithConfig;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.audit.AuditLog;
import dev.zanith.internal.audit.MigrationHistory;
import dev.zanith.api.migration.Migration;
import dev.zanith.api.ops.AddColumn;
import dev.zanith.api.ops.Backfill;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.schema.Column;
import dev.zanith.api.schema.TableName;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 15, item 1: SQL in an expression field never runs as a statement of its own. The file is refused when it
 * is loaded; a migration built in code that skips the loader is refused by plan (the server parses it without
 * running it) and by apply (the statement is sent whole, so nothing stacked runs). The sentinel table survives.
 */
@RealPostgres
class SqlOutsideItsFieldTest {

    private static final String DEFAULT_ATTACK = "'anon'; DROP TABLE sentinel; --";
    private static final String WHERE_ATTACK = "true; DROP TABLE sentinel; --";

    @TempDir
    Path dir;

    private static void tables(TestDatabase db) {
        db.execute("CREATE TABLE sentinel (id int PRIMARY KEY); INSERT INTO sentinel VALUES (1);"
                + "CREATE TABLE users (id int PRIMARY KEY, score int NOT NULL DEFAULT 0);"
                + "INSERT INTO users SELECT g FROM generate_series(1, 10) g;");
    }

    @Test
    void aStatementInADefaultIsRefusedWhenTheFileIsLoaded(TestDatabase db) {
        tables(db);
        ApplyFixture f = new ApplyFixture(db, dir).migration("20260101000000_add_nickname", """
                  - addColumn:
                      table: public.users
                      column: {name: nickname, type: text, defaultExpression: "'anon'; DROP TABLE sentinel; --"}
                """);

        assertThatThrownBy(f::apply).isInstanceOf(ZanithException.class)
                .hasMessageContaining("20260101000000_add_nickname.yaml:3 (operation 1): addColumn "
                        + "column.defaultExpression has a ';' outside quotes at character 7")
                .hasMessageContaining("rawSql step");
        assertUnchanged(f);
    }

    @Test
    void aStatementInABackfillConditionIsRefusedWhenTheFileIsLoaded(TestDatabase db) {
        tables(db);
        ApplyFixture f = new ApplyFixture(db, dir).migration("20260101000000_bump", """
                  - backfill:
                      table: public.users
                      set: {score: score + 1}
                      where: "true; DROP TABLE sentinel; --"
                """);

        assertThatThrownBy(f::apply).isInstanceOf(ZanithException.class)
                .hasMessageContaining("20260101000000_bump.yaml:3 (operation 1): backfill where has a ';'");
        assertUnchanged(f);
    }

    @Test
    void commaClosingParenthesisAndLineCommentCannotLeaveTheirFieldEither(TestDatabase db) {
        tables(db);
        ApplyFixture f = new ApplyFixture(db, dir).migration("20260101000000_widen", """
                  - addColumn:
                      table: public.users
                      column: {name: nickname, type: text, defaultExpression: "'x', DROP COLUMN score"}
                """);
        assertThatThrownBy(f::apply).hasMessageContaining("column.defaultExpression has a ',' outside parentheses");
        f.migration("20260101000000_widen", """
                  - addCheckConstraint:
                      table: public.users
                      constraint: {name: c, expression: "true) NOT VALID, DROP COLUMN score, ADD CHECK (true"}
                """);
        assertThatThrownBy(f::apply).hasMessageContaining("constraint.expression has a ')' at character 5");
        f.migration("20260101000000_widen", """
                  - setDefault: {table: public.users, column: score, expression: "1 -- the rest"}
                """);
        assertThatThrownBy(f::apply).hasMessageContaining("expression has a -- comment");
        assertUnchanged(f);
    }

    @Test
    void planRefusesAStackedStatementThatSkippedTheLoaderWithoutRunningIt(TestDatabase db) throws Exception {
        tables(db);
        for (Operation op : attacks()) {
            try (Connection c = db.connect()) {
                assertThatThrownBy(() -> TestSettings.of(ZanithConfig.builder().url(db.jdbcUrl()).build()).planner().plan(c, List.of(migration(op))))
                        .isInstanceOf(ZanithException.class)
                        .hasMessageContaining("test:20260101000000_attack (operation 1): " + op.kind().id())
                        .hasMessageContaining("nothing was run");
            }
            assertThat(db.queryForLong("SELECT count(*) FROM sentinel")).isEqualTo(1);
        }
    }

    @Test
    void applySendsATypedStatementWholeSoNothingStackedRuns(TestDatabase db) throws Exception {
        tables(db);
        ApplyFixture f = new ApplyFixture(db, dir);
        for (Operation op : attacks()) {
            try (Connection c = db.connect()) {
                c.setAutoCommit(true);
                ApplyFixture.Recorder recorder = new ApplyFixture.Recorder();
                MigrationHistory history = new MigrationHistory(TestSettings.of(ZanithConfig.builder().url(db.jdbcUrl()).build()).auditTables());
                history.ensureTables(c);
                ApplyResult result = new Applier(new AuditLog(history.tables()), new StepExecutor(Timeouts.defaults()),
                        "_zanith_", "zanith_archive", recorder).apply(c, List.of(migration(op)));
                assertThat(result.succeeded()).isFalse();
                // pgjdbc splits at a top-level ';' (refused before sending); inside the batch's parentheses it
                // does not split, so the whole text reaches the server as one Parse, which refuses it.
                assertThat(result.failedStep()).hasValueSatisfying(s -> assertThat(s.error()).containsAnyOf(
                        "statements where its operation writes exactly one; nothing was run",
                        "syntax error at or near \";\""));
            }
            assertThat(db.queryForLong("SELECT count(*) FROM sentinel")).isEqualTo(1);
            assertThat(f.value("SELECT count(*) FROM users WHERE score <> 0")).isEqualTo(0L);
            db.execute("DELETE FROM _zanith_migration_steps; DELETE FROM _zanith_migration_checkpoints");
        }
    }

    private static List<Operation> attacks() {
        return List.of(
                new AddColumn(TableName.fromText("public.users"),
                        new Column("nickname", "text", false, DEFAULT_ATTACK, null, null, null, null)),
                new Backfill(TableName.fromText("public.users"), Map.of("score", "score + 1"), WHERE_ATTACK, null));
    }

    private static Migration migration(Operation op) {
        return new Migration("20260101000000_attack", null, List.of(op), "sum", "test:20260101000000_attack",
                Migration.Format.YAML);
    }

    private static void assertUnchanged(ApplyFixture f) {
        assertThat(f.value("SELECT count(*) FROM sentinel")).isEqualTo(1L);
        assertThat(f.value("SELECT count(*) FROM information_schema.columns WHERE table_name = 'users'")).isEqualTo(2L);
        assertThat(f.value("SELECT count(*) FROM users WHERE score <> 0")).isEqualTo(0L);
        assertThat(f.value("SELECT to_regclass('_zanith_migration_steps') IS NULL")).isEqualTo(true);
    }
}
