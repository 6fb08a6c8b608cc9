package dev.zanith.maven;

import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin in a real Maven build: the Maven running this build ({@code maven.home}) runs the goals on a small
 * project, resolving the plugin from the repository {@code invoker:install} filled (target/it-repo), against a real
 * PostgreSQL ({@link RealPostgres}: the embedded server, or {@code ZANITH_TEST_JDBC_URL}). Several goals share one
 * build where the story allows, to keep the Maven start-ups few.
 */
@RealPostgres
class ZanithMavenIT {

    private static final Path MAVEN = Path.of(System.getProperty("zanith.it.maven.home", ""), "bin", "mvn");

    @TempDir
    Path project;

    @BeforeAll
    static void mavenIsThere() {
        assertThat(MAVEN).as("the Maven that runs the ITs (system property zanith.it.maven.home)").isExecutable();
    }

    @Test
    void planPassesApplyAppliesAndStatusShowsIt_thenAGateRefusesPlanAndApplyWithTheReason(TestDatabase db)
            throws Exception {
        writePom("<maxRisk>90</maxRisk>");
        migration("V1__accounts.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY, email text, note text);");

        // the connection from the CLI's environment variable; the gate and the directory from <configuration>
        Result green = mvn(Map.of("ZANITH_URL", db.jdbcUrl()), "zanith:plan", "zanith:apply", "zanith:status");
        assertThat(green.exitCode()).as(green.output()).isZero();
        assertThat(green.output())
                .contains("[INFO] 1 pending migration · 1 step")
                .contains("[INFO] GREEN: every gate passed. Nothing was written.")
                .contains("[INFO] V1__accounts (1 step)")
                .contains("[INFO] Applied 1 migration.")
                .contains("[INFO] applied: 1 migration (last: V1__accounts at ")
                .contains("[INFO] pending: 0 migrations")
                .contains("[INFO] lock: free")
                .contains("BUILD SUCCESS");
        assertThat(db.queryForLong("SELECT count(*) FROM _zanith_migrations")).isEqualTo(1);
        assertThat(db.queryForLong("SELECT count(*) FROM information_schema.tables WHERE table_name = 'accounts'"))
                .isEqualTo(1);

        db.execute("INSERT INTO accounts VALUES (1, 'ada@example.com', 'keep me')");
        migration("V2__drop_note.yaml", """
                id: V2__drop_note
                operations:
                  - dropColumn:
                      table: public.accounts
                      column: note
                      definition: {name: note, type: text}
                """);
        // the connection as a user property this time
        Result refused = mvn(Map.of(), "zanith:plan", "-Dzanith.url=" + db.jdbcUrl());
        assertThat(refused.exitCode()).as(refused.output()).isNotZero();
        assertThat(refused.output())
                .contains("[INFO] REFUSED by allow-destructive at V2__drop_note #1 (dropColumn)")
                .contains("drops_column_with_data")
                .containsPattern("\\[ERROR] Failed to execute goal dev\\.zanith:zanith-maven-plugin:[^:]+:plan \\(default-cli\\) "
                        + "on project app: REFUSED by allow-destructive at V2__drop_note #1 \\(dropColumn\\): .*can lose data.*"
                        + "Fix: .*allow-destructive")
                .contains("BUILD FAILURE");
        assertNoStackTrace(refused);

        Result applyRefused = mvn(Map.of(), "zanith:apply", "-Dzanith.url=" + db.jdbcUrl());
        assertThat(applyRefused.exitCode()).as(applyRefused.output()).isNotZero();
        assertThat(applyRefused.output()).contains("apply refused, nothing was applied: ").contains("allow-destructive");
        assertNoStackTrace(applyRefused);
        assertThat(db.queryForLong("SELECT count(*) FROM information_schema.columns WHERE table_name = 'accounts' "
                + "AND column_name = 'note'")).as("the refused apply changed nothing").isEqualTo(1);
        assertThat(db.queryForLong("SELECT count(*) FROM _zanith_migrations")).isEqualTo(1);
    }

    @Test
    void baselineRecordsTheLiveSchemaThenGenerateWritesOnlyTheChangeAndVerifyProvesIt(TestDatabase db)
            throws Exception {
        db.execute("CREATE TABLE users (id bigint PRIMARY KEY)");
        writePom("<shadow>database</shadow>");
        migration("V1__users.sql", "CREATE TABLE users (id bigint PRIMARY KEY);");
        Files.writeString(project.resolve("schema.sql"), "CREATE TABLE users (id bigint PRIMARY KEY, email text);");

        Result run = mvn(Map.of(), "zanith:baseline", "zanith:generate", "zanith:verify", "-Dzanith.url=" + db.jdbcUrl(),
                "-Dzanith.baseline-id=V1__users", "-Dzanith.declared=schema.sql", "-Dzanith.name=add_users_email");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("[INFO] ✓ Baseline V1__users recorded on ")
                .contains("[INFO]   counts as applied: V1__users")
                .containsPattern("\\[INFO] Wrote \\S+_add_users_email\\.yaml \\(1 operation\\)")
                .contains("+ add column public.users.email")
                .containsPattern("\\[INFO] VERIFIED · 1 step rehearsed, result matches")
                .contains("BUILD SUCCESS");
        List<Path> written;
        try (Stream<Path> files = Files.list(project.resolve("db/migrations"))) {
            written = files.filter(f -> f.getFileName().toString().endsWith("_add_users_email.yaml")).toList();
        }
        assertThat(written).hasSize(1);
        assertThat(Files.readString(written.get(0))).contains("addColumn").contains("email")
                .doesNotContain("createTable");
        assertThat(db.queryForLong("SELECT count(*) FROM _zanith_migrations")).isEqualTo(1);
        assertThat(db.queryForLong("SELECT count(*) FROM _zanith_migrations WHERE kind = 'baseline'")).isEqualTo(1);
        assertThat(db.queryForLong("SELECT count(*) FROM information_schema.columns WHERE table_name = 'users' "
                + "AND column_name = 'email'")).as("generate and verify write nothing to the target").isZero();
    }

    private static void assertNoStackTrace(Result result) {
        assertThat(result.output()).doesNotContain("\tat ").doesNotContain("Exception:")
                .doesNotContain("dev.zanith.internal");
    }

    private void writePom(String configuration) throws IOException {
        Files.writeString(project.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>it.zanith</groupId>
                  <artifactId>app</artifactId>
                  <version>1</version>
                  <packaging>pom</packaging>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>dev.zanith</groupId>
                        <artifactId>zanith-maven-plugin</artifactId>
                        <version>%s</version>
                        <configuration>
                          <migrations>db/migrations</migrations>
                          %s
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(System.getProperty("zanith.it.plugin.version"), configuration));
    }

    private void migration(String file, String sql) throws IOException {
        Files.createDirectories(project.resolve("db/migrations"));
        Files.writeString(project.resolve("db/migrations").resolve(file), sql);
    }

    private Result mvn(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(MAVEN.toString(), "--batch-mode", "--no-transfer-progress",
                "--offline", "-Dstyle.color=never",
                "-Dmaven.repo.local=" + System.getProperty("zanith.it.repository"),
                "-Dmaven.repo.local.tail=" + System.getProperty("zanith.it.user.repository")));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("ZANITH_") || name.equals("MAVEN_ARGS"));
        builder.environment().put("MAVEN_OPTS", "-Xmx384m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("mvn finished").isTrue();
        return new Result(process.exitValue(), output);
    }

    private record Result(int exitCode, String output) {
    }
}
