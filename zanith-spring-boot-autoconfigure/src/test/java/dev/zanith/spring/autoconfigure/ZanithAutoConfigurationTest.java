package dev.zanith.spring.autoconfigure;

import dev.zanith.Zanith;
import dev.zanith.ZanithConfig;
import dev.zanith.api.migration.DirectoryMigrationSource;
import dev.zanith.testsupport.PostgresServer;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ZanithAutoConfigurationTest {

    private TestDatabase db;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
                    JdbcClientAutoConfiguration.class, ZanithAutoConfiguration.class));

    @BeforeEach
    void database() {
        db = PostgresServer.shared().createDatabase("autoconfig");
    }

    @AfterEach
    void drop() {
        db.close();
    }

    private ApplicationContextRunner on(String scenario) {
        return runner.withPropertyValues("spring.datasource.url=" + db.jdbcUrl(),
                "zanith.locations=classpath:scenarios/" + scenario);
    }

    private int count(String sql) {
        return new JdbcTemplate(db.dataSource()).queryForObject(sql, Integer.class);
    }

    @Test
    void backsOffWithoutDataSource() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ZanithAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(Zanith.class).doesNotHaveBean(ZanithMigrationInitializer.class));
    }

    @Test
    void backsOffWhenDisabled() {
        on("basic").withPropertyValues("zanith.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Zanith.class));
        assertThat(count("SELECT count(*) FROM pg_tables WHERE tablename = 'items'")).isZero();
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnZanith() {
        on("basic").withUserConfiguration(OwnZanith.class).run(context -> {
            assertThat(context).hasSingleBean(Zanith.class).doesNotHaveBean(ZanithMigrationInitializer.class);
            assertThat(context.getBean(Zanith.class)).isSameAs(context.getBean(OwnZanith.class).zanith);
        });
    }

    @Test
    void appliesPendingMigrationsAtStartupAndRecordsThem() {
        on("basic").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(ZanithMigrationInitializer.class);
            assertThat(context.getBean(ZanithRuntime.class).state()).isEqualTo(ZanithRuntime.State.APPLIED);
        });
        assertThat(count("SELECT count(*) FROM _zanith_migrations")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM pg_indexes WHERE indexname = 'items_email_idx'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM _zanith_migration_steps WHERE risk_level IS NOT NULL")).isEqualTo(3);
    }

    @Test
    void aRestartWithNothingPendingReadsTheLedgerOnlyAndPlansWhenTheRiskIsAskedFor() {
        on("basic").run(context -> assertThat(context).hasNotFailed());
        on("basic").run(context -> {
            assertThat(context).hasNotFailed();
            ZanithRuntime runtime = context.getBean(ZanithRuntime.class);
            assertThat(runtime.state()).isEqualTo(ZanithRuntime.State.APPLIED);
            assertThat(runtime.lastPlan()).as("nothing pending: no plan, so no read of the live schema").isNull();
            assertThat(context.getBean(ZanithMigrator.class).lastPlan().toRun()).as("planned on request").isEmpty();
            assertThat(runtime.lastPlan()).isNotNull();
        });
        assertThat(count("SELECT count(*) FROM _zanith_migrations")).isEqualTo(2);
    }

    @Test
    void anInterruptedMigrationIsPlannedAtRestartEvenWhenItsFileIsTheLast() {
        on("basic").run(context -> assertThat(context).hasNotFailed());
        // The last migration's ledger row gone: it is pending again, and its index already exists (as after a run
        // that stopped between the step and the ledger row). The plan, not the ledger alone, decides what runs.
        new JdbcTemplate(db.dataSource()).update("DELETE FROM _zanith_migrations WHERE id = 'V2__add_items_email'");
        on("basic").withPropertyValues("zanith.mode=plan-only").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(ZanithRuntime.class).lastPlan()).as("something pending: planned at startup")
                    .isNotNull();
        });
    }

    @Test
    void jdbcConsumersAreCreatedOnlyAfterTheMigrations() {
        on("basic").withUserConfiguration(ReadsItemsOnCreation.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(ReadsItemsOnCreation.class).itemsTableExisted).isTrue();
        });
    }

    @Test
    void planOnlyModeExposesThePlanAndAppliesNothing() {
        on("basic").withPropertyValues("zanith.mode=plan-only").run(context -> {
            assertThat(context).hasNotFailed();
            ZanithRuntime runtime = context.getBean(ZanithRuntime.class);
            assertThat(runtime.state()).isEqualTo(ZanithRuntime.State.PLANNED);
            assertThat(runtime.lastPlan().toRun()).hasSize(3);
        });
        assertThat(count("SELECT count(*) FROM pg_tables WHERE tablename = 'items'")).isZero();
    }

    @Test
    void offModeDoesNothingAtStartup() {
        on("basic").withPropertyValues("zanith.mode=off").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(ZanithRuntime.class).state()).isEqualTo(ZanithRuntime.State.OFF);
        });
        assertThat(count("SELECT count(*) FROM pg_tables WHERE tablename LIKE '%items%'")).isZero();
    }

    @Test
    void aRefusedPlanFailsStartupWithThePlanAsTheFailureDescription() {
        on("destructive").run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new ZanithStartupFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).contains("Zanith planned 3 pending migration(s)")
                    .contains("#1 dropColumn").contains("[DESTRUCTIVE 85]").contains("drops_column_with_data")
                    .contains("Refused by the allow-destructive gate at V3__drop_legacy #1");
            assertThat(analysis.getAction()).contains("Set zanith.allow-destructive=true").contains("zanith.on-refusal=warn");
        });
        assertThat(count("SELECT count(*) FROM pg_tables WHERE tablename = 'items'")).as("nothing applied").isZero();
    }

    @Test
    void maxRiskRefusalNamesThePropertyToRaise() {
        on("basic").withPropertyValues("zanith.max-risk=3").run(context -> {
            FailureAnalysis analysis = new ZanithStartupFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getAction()).contains("Raise zanith.max-risk to at least").contains("(currently 3)");
        });
    }

    @Test
    void onRefusalWarnAppliesWhatComesBeforeTheRefusedMigration() {
        on("destructive").withPropertyValues("zanith.on-refusal=warn").run(context -> {
            assertThat(context).hasNotFailed();
            ZanithRuntime runtime = context.getBean(ZanithRuntime.class);
            assertThat(runtime.state()).isEqualTo(ZanithRuntime.State.REFUSED);
            assertThat(runtime.problem()).contains("allow-destructive");
        });
        assertThat(count("SELECT count(*) FROM _zanith_migrations")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM information_schema.columns WHERE column_name = 'legacy'")).isEqualTo(1);
        on("destructive").withPropertyValues("zanith.allow-destructive=true").run(context -> assertThat(context).hasNotFailed());
        assertThat(count("SELECT count(*) FROM information_schema.columns WHERE column_name = 'legacy'")).isZero();
    }

    @Test
    void aCustomMigrationStrategyReplacesTheDefault() {
        on("basic").withUserConfiguration(PlanOnlyStrategy.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(PlanOnlyStrategy.class).planned).isEqualTo(3);
        });
        assertThat(count("SELECT count(*) FROM pg_tables WHERE tablename = 'items'")).isZero();
    }

    @Test
    void aZanithDataSourceWinsOverThePrimaryOne() {
        try (TestDatabase other = PostgresServer.shared().createDatabase("qualified")) {
            on("basic").withUserConfiguration(TwoDataSources.class)
                    .withPropertyValues("test.primary=" + db.jdbcUrl(), "test.migrations=" + other.jdbcUrl())
                    .run(context -> assertThat(context).hasNotFailed());
            assertThat(count("SELECT count(*) FROM pg_tables WHERE tablename = 'items'")).isZero();
            assertThat(new JdbcTemplate(other.dataSource()).queryForObject(
                    "SELECT count(*) FROM pg_tables WHERE tablename = 'items'", Integer.class)).isEqualTo(1);
        }
    }

    @Test
    void zanithUrlIsASeparateMigrationConnection() {
        try (TestDatabase other = PostgresServer.shared().createDatabase("url")) {
            on("basic").withPropertyValues("zanith.url=" + other.jdbcUrl()).run(context -> {
                assertThat(context).hasNotFailed().hasSingleBean(ZanithConnectionDetails.class);
            });
            assertThat(new JdbcTemplate(other.dataSource()).queryForObject(
                    "SELECT count(*) FROM _zanith_migrations", Integer.class)).isEqualTo(2);
            assertThat(count("SELECT count(*) FROM pg_tables WHERE tablename = 'items'")).isZero();
        }
    }

    @Test
    void invalidPropertiesFailStartupWithOneClearMessage() {
        on("basic").withPropertyValues("zanith.max-risk=150").run(context -> {
            FailureAnalysis analysis = new ZanithStartupFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("max risk");
            assertThat(analysis.getAction()).contains("zanith.* property");
        });
        on("basic").withPropertyValues("zanith.deny-reasons=made_up").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("made_up");
            assertThat(context.getStartupFailure()).hasMessageContaining("prefix=zanith");
        });
        assertThat(count("SELECT count(*) FROM pg_tables WHERE tablename = 'items'")).isZero();
    }

    @Test
    void denyReasonsBindToReasonCodesWrittenAsInTheRiskTable() {
        on("basic").withPropertyValues("zanith.deny-reasons=adds_index").run(context -> {
            FailureAnalysis analysis = new ZanithStartupFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("deny-reasons").contains("adds_index");
            assertThat(analysis.getAction()).contains("from zanith.deny-reasons");
        });
    }

    @Test
    void aFailingSqlStatementAtStartupNamesTheMigrationAndItsFileAndNoEndpoint() {
        on("sqlerror").run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new ZanithStartupFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("migration V2__fill (").contains("V2__fill.sql:4:13)")
                    .contains("failed at step 1 (rawSql)").contains("[SQLSTATE 42P01]").contains("no_such_table")
                    .contains("in the statement starting at line 4: INSERT INTO no_such_table (id) VALUES (2)")
                    .as("the first statement is not the failing one").doesNotContain("INSERT INTO items");
            assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("/actuator");
            assertThat(analysis.getAction()).contains("_zanith_migration_steps").contains("resumes at the failed step");
        });
        assertThat(count("SELECT count(*) FROM items")).as("the file ran all or nothing").isZero();
    }

    @Test
    void aChangedAppliedMigrationNamesTheStarterWayToAcceptIt() {
        on("basic").run(context -> assertThat(context).hasNotFailed());
        new JdbcTemplate(db.dataSource()).update("UPDATE _zanith_migrations SET checksum = 'edited' WHERE id = 'V1__create_items'");
        on("basic").run(context -> {
            FailureAnalysis analysis = new ZanithStartupFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("was changed after it was applied")
                    .contains("zanith.acceptChecksum(\"V1__create_items\")");
        });
    }

    @Test
    void customizersAdjustTheConfigurationAfterTheProperties() {
        on("basic").withPropertyValues("zanith.table-prefix=_from_properties_")
                .withBean("prefix", ZanithConfigurationCustomizer.class, () -> config -> config.tablePrefix("_customized_"))
                .run(context -> assertThat(context).hasNotFailed());
        assertThat(count("SELECT count(*) FROM _customized_migrations")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM pg_tables WHERE tablename LIKE '_from_properties_%'")).isZero();
    }

    @Test
    void aUserWithoutUrlConnectsToTheApplicationsDatabaseAsThatUser() {
        String role = "zanith_migrator_" + Long.toHexString(System.nanoTime());
        db.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'secret'");
        try {
            db.execute("GRANT ALL ON SCHEMA public TO " + role);
            db.execute("DO $$ BEGIN EXECUTE format('GRANT CREATE ON DATABASE %I TO " + role
                    + "', current_database()); END $$");
            on("basic").withPropertyValues("zanith.user=" + role, "zanith.password=secret").run(context -> {
                assertThat(context).hasNotFailed().hasSingleBean(ZanithConnectionDetails.class);
            });
            assertThat(new JdbcTemplate(db.dataSource()).queryForList("SELECT DISTINCT applied_by FROM _zanith_migrations",
                    String.class)).containsExactly(role);
            assertThat(new JdbcTemplate(db.dataSource()).queryForObject(
                    "SELECT tableowner FROM pg_tables WHERE tablename = 'items'", String.class)).isEqualTo(role);
        } finally {
            db.execute("DROP OWNED BY " + role);
            db.execute("DROP ROLE " + role);
        }
    }

    @Test
    void propertyDefaultsAreTheCoreDefaults() {
        ZanithProperties defaults = new ZanithProperties();
        ZanithConfig fromProperties = ZanithConfigurations.apply(defaults, ZanithConfig.builder().url("jdbc:postgresql://x/y"),
                new DirectoryMigrationSource(Path.of("."))).build();
        ZanithConfig core = ZanithConfig.builder().url("jdbc:postgresql://x/y").build();
        assertThat(fromProperties.schemas()).isEqualTo(core.schemas());
        assertThat(fromProperties.auditSchema()).isEqualTo(core.auditSchema());
        assertThat(fromProperties.tablePrefix()).isEqualTo(core.tablePrefix());
        assertThat(fromProperties.archiveSchema()).isEqualTo(core.archiveSchema());
        assertThat(fromProperties.lockTimeout()).isEqualTo(core.lockTimeout());
        assertThat(fromProperties.statementTimeout()).isEqualTo(core.statementTimeout());
        assertThat(fromProperties.longStatementTimeout()).isEqualTo(core.longStatementTimeout());
        assertThat(fromProperties.maxRisk()).isEqualTo(core.maxRisk());
        assertThat(fromProperties.allowDestructive()).isEqualTo(core.allowDestructive());
        assertThat(fromProperties.denyReasons()).isEqualTo(core.denyReasons());
        assertThat(fromProperties.lockWait()).isEqualTo(core.lockWait());
        assertThat(fromProperties.lockRetryAttempts()).isEqualTo(core.lockRetryAttempts());
        assertThat(fromProperties.lockRetryBackoff()).isEqualTo(core.lockRetryBackoff());
        assertThat(fromProperties.lockRetryMaxBackoff()).isEqualTo(core.lockRetryMaxBackoff());
        assertThat(fromProperties.backfillBatchSize()).isEqualTo(core.backfillBatchSize());
        assertThat(fromProperties.backfillPause()).isEqualTo(core.backfillPause());
        assertThat(fromProperties.preflightTimeout()).isEqualTo(core.preflightTimeout());
        assertThat(defaults.getArtifactRetention()).isEqualTo(ZanithConfig.DEFAULT_ARTIFACT_RETENTION);
        assertThat(defaults.getMode()).isEqualTo(ZanithProperties.Mode.APPLY);
        assertThat(defaults.getOnRefusal()).isEqualTo(ZanithProperties.OnRefusal.FAIL);
        assertThat(defaults.getLocations()).containsExactly("classpath:db/zanith/migrations");
    }

    private static DataSource simple(String url) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        return ds;
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoDataSources {
        @Bean
        @org.springframework.context.annotation.Primary
        DataSource primaryDataSource(org.springframework.core.env.Environment env) {
            return simple(env.getProperty("test.primary"));
        }

        @Bean
        @ZanithDataSource
        DataSource migrationDataSource(org.springframework.core.env.Environment env) {
            return simple(env.getProperty("test.migrations"));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnZanith {
        final Zanith zanith = new Zanith(ZanithConfig.builder().url("jdbc:postgresql://localhost:1/none").build());

        @Bean
        Zanith zanith() {
            return zanith;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ReadsItemsOnCreation {
        boolean itemsTableExisted;

        @Bean
        Object itemsReader(JdbcTemplate jdbc) {
            itemsTableExisted = jdbc.queryForObject("SELECT count(*) FROM pg_tables WHERE tablename = 'items'", Integer.class) == 1;
            return new Object();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class PlanOnlyStrategy {
        int planned = -1;

        @Bean
        ZanithMigrationStrategy strategy() {
            return zanith -> planned = zanith.plan().toRun().size();
        }
    }
}
