package dev.zanith.spring.autoconfigure;

import dev.zanith.spring.autoconfigure.endpoint.ZanithEndpoint;
import dev.zanith.testsupport.PostgresServer;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Startup over a database Zanith has no history of: empty (migrate), holding tables (refuse naming both baseline
 * properties, or baseline with zanith.baseline-on-migrate), or managed by Flyway or Liquibase (refuse with the
 * adopt command).
 */
class ZanithStartingPointTest {

    @TempDir
    Path dir;

    private TestDatabase db;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, ZanithAutoConfiguration.class));

    @BeforeEach
    void database() throws Exception {
        db = PostgresServer.shared().createDatabase("startingpoint");
        Files.writeString(dir.resolve("V1__users.sql"), "CREATE TABLE users (id bigint PRIMARY KEY);");
        Files.writeString(dir.resolve("V2__users_email.sql"), "ALTER TABLE users ADD COLUMN email text;");
    }

    @AfterEach
    void drop() {
        db.close();
    }

    private ApplicationContextRunner app() {
        return runner.withPropertyValues("spring.datasource.url=" + db.jdbcUrl(), "zanith.locations=file:" + dir);
    }

    private int count(String sql) {
        return new JdbcTemplate(db.dataSource()).queryForObject(sql, Integer.class);
    }

    @Test
    void aDatabaseWithTablesButNoHistoryRefusesNamingBothBaselineProperties() {
        db.execute("CREATE TABLE users (id bigint PRIMARY KEY)");
        app().run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new ZanithStartupFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("holds 1 table(s) (public.users) but has no Zanith history");
            assertThat(analysis.getAction()).contains("zanith.baseline-on-migrate=true").contains("zanith.baseline-id=")
                    .contains("zanith baseline --url jdbc:postgresql://").doesNotContain("password");
        });
        assertThat(count("SELECT count(*) FROM pg_tables WHERE tablename LIKE '\\_zanith%'")).as("nothing written").isZero();
    }

    @Test
    void baselineOnMigrateRecordsTheBaselineThenAppliesOnlyWhatFollowsIt() {
        db.execute("CREATE TABLE users (id bigint PRIMARY KEY)");
        app().withPropertyValues("zanith.baseline-on-migrate=true", "zanith.baseline-id=V1__users").run(context -> {
            assertThat(context).hasNotFailed();
            // /actuator/zanith/history shows the baseline as such
            Object history = new ZanithEndpoint(context.getBean(ZanithMigrator.class)).section("history", null).getBody();
            assertThat(history).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                    .extracting(e -> ((java.util.Map<?, ?>) e).get("id") + " " + ((java.util.Map<?, ?>) e).get("kind"))
                    .containsExactly("V1__users baseline", "V2__users_email migration");
        });
        assertThat(count("SELECT count(*) FROM _zanith_migrations WHERE id = 'V1__users' AND kind = 'baseline'")).isOne();
        assertThat(count("SELECT count(*) FROM _zanith_migrations WHERE id = 'V2__users_email' AND kind = 'migration'"))
                .isOne();
        assertThat(count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'users' "
                + "AND column_name = 'email'")).isOne();
        // the next start finds history and simply has nothing to do
        app().run(context -> assertThat(context).hasNotFailed());
        assertThat(count("SELECT count(*) FROM _zanith_migrations")).isEqualTo(2);
    }

    @Test
    void anEmptyDatabaseAndOneWithOnlyExtensionOwnedTablesMigrateAsUsual() {
        db.execute("CREATE TABLE spatial_like (id int); ALTER EXTENSION plpgsql ADD TABLE spatial_like;");
        app().run(context -> assertThat(context).hasNotFailed());
        assertThat(count("SELECT count(*) FROM _zanith_migrations WHERE kind = 'migration'")).isEqualTo(2);
    }

    @Test
    void planOnlyModeWritesNothingOverATableHoldingDatabase() {
        db.execute("CREATE TABLE users (id bigint PRIMARY KEY)");
        app().withPropertyValues("zanith.mode=plan-only", "zanith.baseline-on-migrate=true")
                .run(context -> assertThat(context).hasNotFailed());
        assertThat(count("SELECT count(*) FROM pg_tables WHERE tablename LIKE '\\_zanith%'")).isZero();
    }

    @Test
    void flywayHistoryRefusesWithTheExactAdoptCommandEvenWithBaselineOnMigrate() {
        db.execute("""
                CREATE TABLE users (id bigint PRIMARY KEY);
                CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version varchar(50),
                    description varchar(200), type varchar(20), script varchar(1000), checksum int,
                    installed_by varchar(100), installed_on timestamp, execution_time int, success boolean);
                """);
        app().withPropertyValues("zanith.baseline-on-migrate=true").run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new ZanithStartupFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("Flyway's history table public.flyway_schema_history");
            assertThat(analysis.getAction()).contains("zanith adopt flyway --url " + db.jdbcUrl()
                    .replaceAll("[?&]password=[^&]*", "") + " --migrations " + dir
                    + " --flyway-schema public --flyway-table flyway_schema_history");
        });
        assertThat(count("SELECT count(*) FROM pg_tables WHERE tablename LIKE '\\_zanith%'")).isZero();
    }

    @Test
    void liquibaseHistoryRefusesWithTheExactAdoptCommand() {
        db.execute("""
                CREATE TABLE databasechangelog (id varchar(255), author varchar(255), filename varchar(255),
                    dateexecuted timestamp, orderexecuted int, exectype varchar(10), md5sum varchar(35));
                """);
        app().run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new ZanithStartupFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getAction()).contains("zanith adopt liquibase --url ").contains(" --migrations " + dir
                    + " --liquibase-schema public --liquibase-table databasechangelog");
        });
    }
}
