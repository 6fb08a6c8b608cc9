package dev.zanith.cli;

import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@RealPostgres
class PlanCommandTest {

    @TempDir
    Path dir;

    private Path migrations(String yaml) throws IOException {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("20260101000000_change.yaml"), yaml);
        return migrations;
    }

    private static final String SAFE = """
            id: 20260101000000_change
            operations:
              - addColumn:
                  table: users
                  column: {name: last_login, type: timestamp with time zone}
              - addIndex:
                  table: users
                  index: {name: users_email_idx, keys: [email]}
                  concurrently: true
            """;

    private static final String DESTRUCTIVE = """
            id: 20260101000000_change
            operations:
              - addColumn:
                  table: users
                  column: {name: last_login, type: timestamp with time zone}
              - dropColumn:
                  table: users
                  column: legacy_uuid
            """;

    private CliRunner.Result plan(TestDatabase db, Path migrations, String... extra) {
        List<String> args = new ArrayList<>(List.of("plan", "--url", db.jdbcUrl(), "--migrations", migrations.toString()));
        args.addAll(List.of(extra));
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void planRefusesASqlFileExactlyAsApplyDoesAndAFixedFileLoadsItsCopyData(TestDatabase db) throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("sql"));
        Path file = migrations.resolve("V1__currency.sql");
        String copy = "CREATE TABLE currency (id integer PRIMARY KEY, code text);\nCOPY currency (id, code) FROM stdin;\n"
                + "1\tEUR\n2\tJPY\n\\.\n";
        Files.writeString(file, copy + "CREATE INDEX CONCURRENTLY currency_code ON currency (code);\n");
        CliRunner.Result plan = plan(db, migrations);
        CliRunner.Result apply = CliRunner.run("apply", "--url", db.jdbcUrl(), "--migrations", migrations.toString(),
                "--max-risk", "100");
        String refusal = file + ":6: CREATE INDEX CONCURRENTLY cannot run inside a transaction block";
        assertThat(plan.exitCode()).isNotZero().isEqualTo(apply.exitCode());
        assertThat(plan.err()).contains(refusal).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(apply.err()).contains(refusal).doesNotContain("Exception").doesNotContain("\tat ");

        Files.writeString(file, copy);
        CliRunner.Result fixed = CliRunner.run("apply", "--url", db.jdbcUrl(), "--migrations", migrations.toString(),
                "--max-risk", "100");
        assertThat(fixed.exitCode()).as(fixed.err()).isZero();
        assertThat(db.queryForLong("SELECT count(*) FROM currency WHERE code IN ('EUR', 'JPY')")).isEqualTo(2);
    }

    @Test
    void greenPlanExitsZeroAndPrintsStepsGatesAndScores(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE users (id bigint PRIMARY KEY, email text, legacy_uuid uuid); INSERT INTO users VALUES (1, 'a', NULL)");
        CliRunner.Result result = plan(db, migrations(SAFE));
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("1 pending migration · 2 steps")
                .contains("+ 01 addColumn").contains("[SAFE 5]").contains("+ 02 addIndex").contains("[LOW 12]")
                .contains("adds_nullable_column").contains("ACCESS EXCLUSIVE on public.users (brief)")
                .contains("SHARE UPDATE EXCLUSIVE on public.users (build)").contains("outside a transaction")
                .contains("✓ preflight").contains("- max-risk").contains("off (no max-risk set)")
                .contains("Worst [LOW 12] · total 17").contains("GREEN: every gate passed. Nothing was written.")
                .doesNotContain("\u001B[");
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT count(*) FROM information_schema.columns WHERE table_name = 'users'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("plan writes nothing").isEqualTo(3);
        }
    }

    @Test
    void refusedPlanExitsThreeNamingStepGateAndFix(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE users (id bigint PRIMARY KEY, email text, legacy_uuid uuid);"
                + "INSERT INTO users VALUES (1, 'a', '00000000-0000-0000-0000-000000000001')");
        Path migrations = migrations(DESTRUCTIVE);
        CliRunner.Result refused = plan(db, migrations);
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(refused.out()).contains("- 02 dropColumn").contains("[DESTRUCTIVE 85]")
                .contains("✗ allow-destructive")
                .contains("REFUSED by allow-destructive at 20260101000000_change #2 (dropColumn)")
                .contains("fix: consent with --allow-destructive (zanith.allow-destructive=true), or softDropColumn or archiveColumn");
        assertThat(plan(db, migrations, "--allow-destructive").exitCode()).isEqualTo(ExitCodes.OK);
        CliRunner.Result budget = plan(db, migrations, "--allow-destructive", "--max-risk", "60");
        assertThat(budget.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(budget.out()).contains("REFUSED by max-risk").contains("scores 85 (destructive), above max-risk 60");
        CliRunner.Result denied = plan(db, migrations, "--allow-destructive", "--deny-reasons",
                "rename_table,drops_column_with_data");
        assertThat(denied.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(denied.out()).contains("REFUSED by deny-reasons").contains("carries denied reason drops_column_with_data");
    }

    @Test
    void preflightFailureShowsCountAndSamplePrimaryKeys(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE users (id bigint PRIMARY KEY, email text); INSERT INTO users VALUES (1, NULL), (2, 'a'), (3, NULL)");
        Path migrations = migrations("""
                id: 20260101000000_change
                operations:
                  - setNotNull:
                      table: users
                      column: email
                """);
        CliRunner.Result result = plan(db, migrations);
        assertThat(result.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(result.out()).contains("✗ preflight nulls: 2 rows with NULL in public.users.email (e.g. id ")
                .contains("REFUSED by preflight").contains("fix: add the values first");
    }

    @Test
    void jsonIsStableAndMarkdownIsAPullRequestComment(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE users (id bigint PRIMARY KEY, email text, legacy_uuid uuid)");
        Path migrations = migrations(DESTRUCTIVE);
        CliRunner.Result json = plan(db, migrations, "--format", "json");
        assertThat(json.exitCode()).isEqualTo(ExitCodes.OK); // the table is empty: nothing to lose
        JsonNode root = JsonMapper.builder().build().readTree(json.out());
        assertThat(root.get("formatVersion").asInt()).isEqualTo(1);
        assertThat(root.get("verdict").asString()).isEqualTo("GREEN");
        assertThat(root.get("refusal").isNull()).isTrue();
        assertThat(root.get("migrations").get(0).get("steps").get(1).get("reasons").get(0).asString())
                .isEqualTo("drops_empty_column");
        CliRunner.Result markdown = plan(db, migrations, "--format", "markdown");
        assertThat(markdown.out()).startsWith("## Zanith plan: ✅ GREEN")
                .contains("| step | operation | risk | reasons | locks | preflight |")
                .contains("| `20260101000000_change` #2 | `dropColumn` drop column public.users.legacy_uuid |")
                .contains("| allow-destructive | ✅ passed | no step can lose data |");
    }

    @Test
    void pillsAreColoredOnATerminal(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE users (id bigint PRIMARY KEY, email text, legacy_uuid uuid)");
        StringWriter out = new StringWriter();
        Console terminal = new Console(new PrintWriter(out), new PrintWriter(new StringWriter()), true);
        int code = ZanithCli.execute(terminal, "plan", "--url", db.jdbcUrl(), "--migrations",
                migrations(SAFE).toString());
        assertThat(code).isZero();
        if (terminal.color()) { // NO_COLOR or TERM=dumb in the environment keep it plain
            assertThat(out.toString()).contains("\u001B[1;30;42m SAFE 5 \u001B[0m").doesNotContain("[SAFE 5]");
        }
    }

    @Test
    void usageErrorsExitTwoAndFailuresExitOne(TestDatabase db) throws Exception {
        Path migrations = migrations(SAFE);
        CliRunner.Result range = plan(db, migrations, "--max-risk", "101");
        assertThat(range.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(range.err()).contains("max risk must be between 0 and 100, not 101");
        CliRunner.Result reason = plan(db, migrations, "--deny-reasons", "drops_everything");
        assertThat(reason.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(reason.err()).contains("unknown reason code 'drops_everything'").contains("raw_sql");
        assertThat(plan(db, migrations, "--format", "xml").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(plan(db, migrations, "--preflight-timeout", "soon").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliRunner.run("plan", "--url", db.jdbcUrl()).exitCode()).isEqualTo(ExitCodes.USAGE);
        CliRunner.Result help = CliRunner.run("plan", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--max-risk=N").contains("--allow-destructive").contains("--deny-reasons")
                .contains("--format");
        CliRunner.Result missingTable = plan(db, migrations); // table users does not exist: the plan still classifies
        assertThat(missingTable.exitCode()).isIn(ExitCodes.OK, ExitCodes.REFUSED);
        CliRunner.Result badDir = plan(db, dir.resolve("nope"));
        assertThat(badDir.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(badDir.err()).contains("Migrations directory").doesNotContain("\tat ");
        CliRunner.Result unreachable = CliRunner.run("plan", "--url", "jdbc:postgresql://127.0.0.1:1/nope", "--migrations",
                migrations.toString());
        assertThat(unreachable.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(unreachable.err()).contains("Cannot connect");
    }
}
