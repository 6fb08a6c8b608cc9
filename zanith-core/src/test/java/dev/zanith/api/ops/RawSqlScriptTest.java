package dev.zanith.api.ops;

import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.sql.SqlScript;
import dev.zanith.internal.migration.MigrationLoader;
import dev.zanith.api.migration.MigrationResource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The load-time decision how raw SQL runs, without a database (the corpus test runs it on one). */
class RawSqlScriptTest {

    @Test
    void aBeginCommitBlockIsTheTransactionAndItsTwoStatementsAreNotSent() {
        RawSqlScript script = RawSqlScript.of("begin work;\nCREATE TABLE t (a int);\nSAVEPOINT s;\nend;", null);
        assertThat(script.problem()).isEmpty();
        assertThat(script.transactional()).isTrue();
        assertThat(script.statements()).extracting(SqlScript.Statement::sql)
                .containsExactly("CREATE TABLE t (a int)", "SAVEPOINT s");
    }

    @Test
    void theDirectiveOrTransactionalFalseRunsStatementByStatement() {
        assertThat(RawSqlScript.of("/* why */\n-- zanith:transaction=none\nVACUUM t;", null).transactional()).isFalse();
        assertThat(RawSqlScript.of("--   Zanith:Transaction = None\nVACUUM t;", null).transactional()).isFalse();
        assertThat(RawSqlScript.of("VACUUM t;", false).transactional()).isFalse();
        assertThat(RawSqlScript.of("VACUUM t;", true).problem()).get().satisfies(p ->
                assertThat(p.message()).contains("(transactional: true)").contains("set 'transactional: false'"));
        assertThat(RawSqlScript.of("-- zanith:transaction=none\nVACUUM t;", true).problem()).get()
                .satisfies(p -> assertThat(p.message()).contains("Keep one of the two"));
    }

    @Test
    void aDirectiveLikeLineInsideAStringOrCopyDataIsNotADirective() {
        RawSqlScript script = RawSqlScript.of("SELECT '\n-- zanith:transaction=none\n';\nCOPY t FROM stdin;\n"
                + "-- zanith:whatever\n\\.\n", null);
        assertThat(script.problem()).isEmpty();
        assertThat(script.transactional()).isTrue();
    }

    @Test
    void wordsInStringsCommentsAndBodiesDoNotDecide() {
        RawSqlScript script = RawSqlScript.of("SELECT 'COMMIT'; -- VACUUM\nCREATE FUNCTION f() RETURNS void "
                + "LANGUAGE plpgsql AS $$ BEGIN COMMIT; END $$; SELECT \"vacuum\" FROM t;", null);
        assertThat(script.problem()).isEmpty();
        assertThat(script.transactional()).isTrue();
    }

    @Test
    void theProblemsLineIsTheOffendingStatementsLine() {
        RawSqlScript.Problem p = RawSqlScript.of("CREATE TABLE t (a int);\n\n  VACUUM\n  t;", null).problem().orElseThrow();
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.column()).isEqualTo(3);
        assertThat(p.message()).startsWith("VACUUM cannot run inside a transaction block")
                .contains("-- zanith:transaction=none");
    }

    @Test
    void theSummarySaysHowManyStatementsRunHow() {
        assertThat(new RawSql("-- seed\nUPDATE t SET a = 1;", null).summary()).isEqualTo("raw sql: UPDATE t SET a = 1;");
        assertThat(new RawSql("BEGIN;\nUPDATE t SET a = 1;\nUPDATE t SET b = 2;\nCOMMIT;", null).summary())
                .isEqualTo("raw sql: BEGIN; (2 statements in one transaction)");
        assertThat(new RawSql("-- zanith:transaction=none\nVACUUM t;", null).summary())
                .isEqualTo("raw sql: VACUUM t; (1 statement, each committed on its own)");
    }

    @Test
    void yamlRawSqlStepsAreCheckedAtLoadWithTheirOperationsLine() {
        String yaml = """
                id: 1_raw
                operations:
                  - rawSql:
                      sql: "SELECT 1;\\nCOMMIT;"
                """;
        assertThatThrownBy(() -> MigrationLoader.parse(new MigrationResource("1_raw.yaml", "m/1_raw.yaml",
                yaml.getBytes(StandardCharsets.UTF_8)))).isInstanceOf(ZanithException.class)
                .hasMessageStartingWith("m/1_raw.yaml:3 (operation 1): rawSql line 2 of its sql: COMMIT would end");
    }
}
