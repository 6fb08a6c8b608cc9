package dev.zanith.maven;

import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The goals in-process, for what needs no Maven around them: where a parameter comes from (configuration, then the
 * CLI's environment variable), errors as one message, and {@code generate} taking its declared schema from a
 * {@link DeclaredSchemaSource}. The goals in a real Maven build: {@code ZanithMavenIT}.
 */
@RealPostgres
class GoalsTest {

    @TempDir
    Path project;

    private final CapturingLog log = new CapturingLog();

    private <T extends AbstractZanithMojo> T goal(T mojo, Map<String, String> environment) {
        mojo.setLog(log);
        mojo.basedir = project.toFile();
        mojo.environment = environment::get;
        return mojo;
    }

    @Test
    void theConnectionComesFromTheConfigurationElseFromTheCliEnvironmentVariable(TestDatabase db) throws Exception {
        StatusMojo fromEnvironment = goal(new StatusMojo(), Map.of("ZANITH_URL", db.jdbcUrl()));
        fromEnvironment.execute();
        assertThat(log.text()).contains("[INFO] applied: 0 migrations").contains("[INFO] lock: free");

        StatusMojo configured = goal(new StatusMojo(), Map.of("ZANITH_URL", db.jdbcUrl()));
        configured.url = "jdbc:postgresql://127.0.0.1:1/nowhere?connectTimeout=2";
        assertThatThrownBy(configured::execute).as("the configured URL wins over $ZANITH_URL")
                .isInstanceOf(MojoExecutionException.class).hasMessageContaining("127.0.0.1:1");
    }

    @Test
    void aZanithErrorIsTheBuildsOneMessageWithoutItsExceptionType() {
        StatusMojo status = goal(new StatusMojo(), Map.of());
        assertThatThrownBy(status::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("no database: set <url> in the plugin's configuration, "
                        + "-Dzanith.url=jdbc:postgresql://HOST:PORT/DATABASE or $ZANITH_URL.")
                .satisfies(e -> {
                    assertThat(e.getCause()).as("no cause: Maven -e would print its stack trace").isNull();
                    assertThat(e.getMessage()).isNotBlank().doesNotContain("Exception").doesNotContain("dev.zanith.");
                });

        ApplyMojo apply = goal(new ApplyMojo(), Map.of());
        apply.url = "jdbc:postgresql://127.0.0.1:1/nowhere";
        apply.lockTimeout = "two seconds";
        assertThatThrownBy(apply::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("<lockTimeout> 'two seconds' is not a duration: use e.g. 500ms, 2s, 10m, 1h, 30d");
    }

    @Test
    void planAndVerifyWriteTheirJsonAndJUnitFormsAndApplyHoldsToTheSavedPlansFingerprint(TestDatabase db)
            throws Exception {
        Path migrations = Files.createDirectories(project.resolve("migrations"));
        Files.writeString(migrations.resolve("V1__orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY);");
        PlanMojo plan = goal(new PlanMojo(), Map.of("ZANITH_URL", db.jdbcUrl(), "ZANITH_MIGRATIONS", "migrations"));
        plan.format = "json";
        plan.outputFile = project.resolve("target/plan.json").toFile();
        plan.execute();
        assertThat(Files.readString(plan.outputFile.toPath())).contains("\"formatVersion\" : 1")
                .contains("\"verdict\" : \"GREEN\"").contains("\"fingerprint\" : \"sha256:");

        VerifyMojo verify = goal(new VerifyMojo(), Map.of("ZANITH_URL", db.jdbcUrl(), "ZANITH_MIGRATIONS", "migrations"));
        verify.shadow = "database";
        verify.format = "junit";
        verify.outputFile = project.resolve("target/verify.xml").toFile();
        verify.execute();
        assertThat(Files.readString(verify.outputFile.toPath())).contains("<testsuite name=\"zanith verify\"")
                .contains("failures=\"0\" errors=\"0\"");

        db.execute("CREATE TABLE drifted (id int)");
        ApplyMojo stale = goal(new ApplyMojo(), Map.of("ZANITH_URL", db.jdbcUrl(), "ZANITH_MIGRATIONS", "migrations"));
        stale.plan = plan.outputFile;
        assertThatThrownBy(stale::execute).as("the live schema changed since the plan was saved")
                .isInstanceOf(org.apache.maven.plugin.MojoFailureException.class)
                .hasMessageStartingWith("apply refused, nothing was applied: ");
        assertThat(db.queryForLong("SELECT count(*) FROM information_schema.tables WHERE table_name = 'orders'"))
                .isZero();

        StatusMojo status = goal(new StatusMojo(), Map.of("ZANITH_URL", db.jdbcUrl(), "ZANITH_MIGRATIONS", "migrations"));
        status.format = "json";
        status.outputFile = project.resolve("target/status.json").toFile();
        status.execute();
        assertThat(Files.readString(status.outputFile.toPath())).contains("\"pending\" : [ \"V1__orders\" ]")
                .contains("\"lockHolder\" : null");
    }

    @Test
    void generateTakesItsDeclaredSchemaFromASourceOnThePluginClassPath(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL)");
        GenerateMojo generate = generate(db);
        generate.declaredSource = "table-list";
        generate.declaredSourceOptions = Map.of("tables", "customers, invoices");
        generate.execute();

        List<Path> files;
        try (Stream<Path> list = Files.list(project.resolve("migrations"))) {
            files = list.toList();
        }
        assertThat(files).singleElement().satisfies(f -> assertThat(Files.readString(f))
                .contains("createTable").contains("invoices").doesNotContain("customers"));
        assertThat(log.text()).contains("[INFO] Declared schema from table-list: ")
                .containsPattern("\\[INFO] Wrote \\S+\\.yaml \\(1 operation\\)")
                .contains("Next: mvn zanith:plan");
        assertThat(project.resolve("target/zanith/table-list/declared.sql")).exists();
    }

    @Test
    void generateSaysWhatItNeedsWhenTheDeclaredSchemaIsMissingOrItsSourceUnknown(TestDatabase db) {
        GenerateMojo none = generate(db);
        assertThatThrownBy(none::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("generate needs the declared schema: <declared>FILE</declared>");

        GenerateMojo unknown = generate(db);
        unknown.declaredSource = "jpa";
        assertThatThrownBy(unknown::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("No declared-schema source named 'jpa' on the plugin's class path (there are: table-list): "
                        + "add the module that provides it as a <dependency> of zanith-maven-plugin.");

        GenerateMojo badOptions = generate(db);
        badOptions.declaredSource = "table-list";
        assertThatThrownBy(badOptions::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("The declared-schema source 'table-list': set "
                        + "<declaredSourceOptions><tables>a,b</tables></declaredSourceOptions>");
    }

    private GenerateMojo generate(TestDatabase db) {
        GenerateMojo generate = goal(new GenerateMojo(), Map.of());
        generate.url = db.jdbcUrl();
        generate.migrations = project.resolve("migrations").toFile();
        generate.shadow = "database";
        generate.dropStrategy = "soft";
        generate.buildDirectory = new File(project.toFile(), "target");
        return generate;
    }
}
