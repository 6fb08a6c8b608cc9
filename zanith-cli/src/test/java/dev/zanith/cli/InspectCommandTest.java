package dev.zanith.cli;

import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.SchemaGraphJson;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

@RealPostgres
class InspectCommandTest {

    private static final String SCHEMA = """
            CREATE SCHEMA billing;
            CREATE TYPE status AS ENUM ('new', 'active');
            CREATE TABLE accounts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL UNIQUE,
                                   status status DEFAULT 'new');
            CREATE TABLE billing.invoices (id serial PRIMARY KEY, account_id bigint REFERENCES accounts,
                                           total numeric(10,2));
            CREATE INDEX ON billing.invoices (account_id);
            """;

    @Test
    void textSummaryCountsModelsFieldsAndRelationEdges(TestDatabase db) {
        db.execute(SCHEMA);
        CliRunner.Result result = CliRunner.run("inspect", "--url", db.jdbcUrl(), "--schemas", "public,billing");
        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out())
                .contains(db.name() + " on PostgreSQL ")
                .contains("schemas: billing, public")
                .contains("2 models · 6 fields · 1 relation edge")
                .contains("1 index · 1 enum · 0 extensions · 0 policies · 1 sequence")
                .contains("billing.invoices")
                .contains("enum public.status (new, active)")
                .doesNotContain("\u001B[");
    }

    @Test
    void jsonIsTheStableSchemaGraphForm(TestDatabase db) {
        db.execute(SCHEMA);
        CliRunner.Result first = CliRunner.run("inspect", "--url", db.jdbcUrl(), "--format", "json");
        CliRunner.Result second = CliRunner.run("inspect", "--url", db.jdbcUrl(), "--format", "json");
        assertThat(first.exitCode()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
        SchemaGraph graph = SchemaGraphJson.fromJson(first.out(), "stdout");
        assertThat(graph.tables()).hasSize(1);
        assertThat(SchemaGraphJson.toJson(graph)).isEqualTo(first.out());
    }

    @Test
    void unreachableServerIsOneClearLineAndExitCode1() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        CliRunner.Result result = CliRunner.run("inspect", "--url", "jdbc:postgresql://127.0.0.1:" + port + "/x");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).startsWith("error: Cannot connect to jdbc:postgresql://127.0.0.1:" + port + "/x")
                .doesNotContain("\tat ").hasLineCount(1);
    }

    @Test
    void unknownDatabaseIsAClearError(TestDatabase db) {
        String url = db.jdbcUrl().replace("/" + db.name() + "?", "/no_such_db_here?");
        CliRunner.Result result = CliRunner.run("inspect", "--url", url);
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).contains("Database does not exist").contains("no_such_db_here").hasLineCount(1);
    }

    @Test
    void passwordsNeverAppearInErrors() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        CliRunner.Result result = CliRunner.run("inspect", "--url",
                "jdbc:postgresql://127.0.0.1:" + port + "/x?user=me&password=s3cret");
        assertThat(result.err()).contains("password=***").doesNotContain("s3cret");
    }

    @Test
    void unknownSchemaIsExitCode1(TestDatabase db) {
        CliRunner.Result result = CliRunner.run("inspect", "--url", db.jdbcUrl(), "--schemas", "public,nope");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).isEqualTo("error: Schema nope does not exist in database " + db.name()
                + ". Check --schemas (known here: public).\n");
    }

    @Test
    void usageMistakesAreExitCode2() {
        assertThat(CliRunner.run("inspect", "--bogus").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliRunner.run("inspect", "--url", "mysql://localhost/x").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliRunner.run("inspect", "--url", "jdbc:postgresql://localhost/x", "--format", "xml").exitCode())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(CliRunner.run("nonsense").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        CliRunner.Result result = CliRunner.run("--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("inspect").contains("Exit codes: 0 success · 1 error · 2 usage · 3 refused");
    }
}
