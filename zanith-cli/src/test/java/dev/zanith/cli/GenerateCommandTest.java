package dev.zanith.cli;

import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@RealPostgres
class GenerateCommandTest {

    private static final String LIVE = """
            CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, legacy_uuid uuid);
            INSERT INTO users VALUES (1, 'a@b.c', NULL);
            """;
    private static final String DECLARED = """
            -- the schema we want
            CREATE TABLE users (
              id bigint PRIMARY KEY,
              email text NOT NULL UNIQUE,
              last_login timestamptz,
              external_id uuid
            );
            CREATE INDEX users_last_login ON users (last_login);
            """;

    @TempDir
    Path dir;

    private Path declared(String ddl) throws IOException {
        Path file = dir.resolve("schema.sql");
        Files.writeString(file, ddl);
        return file;
    }

    private List<Path> migrationFiles() throws IOException {
        Path migrations = dir.resolve("migrations");
        if (!Files.isDirectory(migrations)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(migrations)) {
            return files.sorted().toList();
        }
    }

    private CliRunner.Result generate(TestDatabase db, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("generate", "--url", db.jdbcUrl(), "--declared",
                dir.resolve("schema.sql").toString(), "--migrations", dir.resolve("migrations").toString(),
                "--shadow", "database"));
        args.addAll(List.of(extra));
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void writesAReviewableMigrationAndHintsAtPossibleRenames(TestDatabase db) throws Exception {
        db.execute(LIVE);
        declared(DECLARED);
        CliRunner.Result result = generate(db);
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<Path> files = migrationFiles();
        assertThat(files).singleElement().satisfies(f -> assertThat(f.getFileName().toString())
                .matches("\\d{14}_add_users_last_login_and_more\\.yaml"));
        String yaml = Files.readString(files.get(0));
        assertThat(yaml).contains("- addColumn:").contains("- addIndex:").contains("concurrently: true")
                .contains("- addUniqueConstraint:").contains("usingIndex: users_email_key")
                .contains("- softDropColumn:").contains("reversal:")
                .contains("# Possible renames").contains("--rename users.legacy_uuid=users.external_id");
        assertThat(result.out()).contains("Wrote ").contains("+ add column public.users.last_login")
                .contains("hint: column public.users.legacy_uuid dropped and external_id added with the same type")
                .contains("--rename users.legacy_uuid=users.external_id");
    }

    @Test
    void aMigrationThatWouldNotReachTheDeclaredSchemaIsNotWritten(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE events (id int PRIMARY KEY, at bigint);");
        declared("CREATE TABLE events (id int PRIMARY KEY, at timestamp);");
        CliRunner.Result result = generate(db);
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).contains("generate wrote no file").contains("alter column public.events.at")
                .contains("using:").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(migrationFiles()).isEmpty();
    }

    @Test
    void theSchemasComparedAreSaidAndAnObjectOutsideExplicitSchemasIsAnError(TestDatabase db) throws Exception {
        db.execute("CREATE SCHEMA schema_1; CREATE TABLE schema_1.foobar (id int PRIMARY KEY, foo varchar(255));");
        declared("CREATE SCHEMA schema_1; CREATE TABLE schema_1.foobar (id int PRIMARY KEY, foo varchar(255));"
                + "CREATE INDEX some_idx ON schema_1.foobar (id DESC, foo);");
        CliRunner.Result narrowed = generate(db, "--schemas", "public");
        assertThat(narrowed.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(narrowed.err()).contains("table schema_1.foobar outside --schemas public");
        assertThat(migrationFiles()).isEmpty();
        CliRunner.Result result = generate(db);
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Schemas: schema_1 (the schemas the declared file uses")
                .contains("some_idx");
        assertThat(migrationFiles()).hasSize(1);
    }

    @Test
    void generatingTwiceInARowWritesNoSecondMigration(TestDatabase db) throws Exception {
        db.execute(LIVE);
        declared(DECLARED);
        assertThat(generate(db).exitCode()).isZero();
        CliRunner.Result second = generate(db);
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("Nothing to do").contains("1 pending migration(s)");
        assertThat(migrationFiles()).hasSize(1);

        CliRunner.Result apply = CliRunner.run("apply", "--url", db.jdbcUrl(), "--migrations",
                dir.resolve("migrations").toString());
        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
        assertThat(apply.out()).contains("✓ 01").contains("Applied 1 migration.");
        CliRunner.Result third = generate(db);
        assertThat(third.out()).contains("Nothing to do: the database already matches");
        assertThat(migrationFiles()).hasSize(1);
    }

    @Test
    void renameHintTurnsDropAndAddIntoARenameAndKeepsTheData(TestDatabase db) throws Exception {
        db.execute(LIVE + "UPDATE users SET legacy_uuid = '00000000-0000-0000-0000-000000000001';");
        declared(DECLARED);
        assertThat(generate(db, "--rename", "users.legacy_uuid=users.external_id", "--name", "rename_external_id")
                .exitCode()).isZero();
        assertThat(migrationFiles()).singleElement().satisfies(f -> assertThat(f.getFileName().toString())
                .endsWith("_rename_external_id.yaml"));
        assertThat(Files.readString(migrationFiles().get(0))).contains("- renameColumn:").doesNotContain("softDropColumn")
                .doesNotContain("Possible renames");
        assertThat(CliRunner.run("apply", "--url", db.jdbcUrl(), "--migrations", dir.resolve("migrations").toString())
                .exitCode()).isZero();
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery("SELECT external_id FROM users")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("00000000-0000-0000-0000-000000000001");
        }
    }

    @Test
    void badDdlNamesTheFileAndLineAndWritesNothing(TestDatabase db) throws Exception {
        declared("CREATE TABLE users (\n  id bigint PRIMARY KEY\n);\n\nCREATE TABLE orders (\n  id bigint,\n  user_id bigint REFERENCES userz\n);\n");
        CliRunner.Result result = generate(db);
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).contains("schema.sql:7").contains("relation \"userz\" does not exist")
                .doesNotContain("\tat ");
        assertThat(migrationFiles()).isEmpty();
    }

    @Test
    void dropStrategyHardAndMissingFilesAndFlags(TestDatabase db) throws Exception {
        db.execute(LIVE);
        declared(DECLARED);
        CliRunner.Result hard = generate(db, "--drop-strategy", "hard");
        assertThat(hard.exitCode()).isZero();
        assertThat(Files.readString(migrationFiles().get(0))).contains("- dropColumn:");
        assertThat(CliRunner.run("generate", "--url", db.jdbcUrl(), "--declared", "nope.sql", "--migrations",
                dir.toString(), "--shadow", "database").err()).contains("Declared schema nope.sql does not exist");
        assertThat(generate(db, "--drop-strategy", "gentle").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliRunner.run("generate", "--url", db.jdbcUrl(), "--declared", "x.sql").exitCode())
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void diffComparesAnyTwoSources(TestDatabase db) throws Exception {
        db.execute(LIVE);
        Path file = declared(DECLARED);
        CliRunner.Result result = CliRunner.run("diff", "--from", db.jdbcUrl(), "--to", file.toString(), "--sql",
                "--shadow", "database");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("add column public.users.last_login")
                .contains("CREATE INDEX CONCURRENTLY users_last_login ON public.users (last_login);");
        CliRunner.Result same = CliRunner.run("diff", "--from", db.jdbcUrl(), "--to", db.jdbcUrl());
        assertThat(same.out()).isEqualTo("No differences.\n");
    }

    @Test
    void applyStopsAtAFailingStepAndResumesAfterTheFix(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE t (id int PRIMARY KEY, n int); INSERT INTO t VALUES (1, -5);");
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("20260101000000_guard.yaml"), """
                id: 20260101000000_guard
                operations:
                  - addColumn:
                      table: t
                      column: {name: note, type: text}
                  - rawSql:
                      sql: ALTER TABLE t ADD CONSTRAINT n_positive CHECK (n > 0)
                  - addColumn:
                      table: t
                      column: {name: flag, type: boolean}
                """);
        CliRunner.Result failed = CliRunner.run("apply", "--url", db.jdbcUrl(), "--migrations", migrations.toString());
        assertThat(failed.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(failed.out()).contains("✓ 01").contains("✗ 02");
        assertThat(failed.err()).contains("step 2 (rawSql) failed [23514]").contains("resumes at the failed step");
        db.execute("UPDATE t SET n = 5");
        CliRunner.Result resumed = CliRunner.run("apply", "--url", db.jdbcUrl(), "--migrations", migrations.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("↻ 01").contains("✓ 02").contains("✓ 03");
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT string_agg(step_index || ':' || status || ':' || attempts, ',' ORDER BY step_index) "
                        + "FROM _zanith_migration_steps")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("1:done:1,2:done:2,3:done:1");
        }
    }
}
