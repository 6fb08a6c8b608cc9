package dev.zanith.spring.autoconfigure;

import dev.zanith.spring.autoconfigure.endpoint.ZanithEndpoint;
import dev.zanith.spring.autoconfigure.endpoint.ZanithEndpointAutoConfiguration;
import dev.zanith.spring.autoconfigure.health.ZanithHealthContributorAutoConfiguration;
import dev.zanith.spring.autoconfigure.health.ZanithHealthIndicator;
import dev.zanith.spring.autoconfigure.metrics.ZanithMetrics;
import dev.zanith.spring.autoconfigure.metrics.ZanithMetricsAutoConfiguration;
import dev.zanith.testsupport.PostgresServer;
import dev.zanith.testsupport.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ZanithEndpointHealthMetricsTest {

    private TestDatabase db;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, ZanithAutoConfiguration.class,
                    ZanithEndpointAutoConfiguration.class, ZanithHealthContributorAutoConfiguration.class,
                    ZanithMetricsAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withBean(ApplicationAvailabilityBean.class, ApplicationAvailabilityBean::new);

    @BeforeEach
    void database() {
        db = PostgresServer.shared().createDatabase("endpoint");
    }

    @AfterEach
    void drop() {
        db.close();
    }

    private ApplicationContextRunner on(String scenario, String... properties) {
        return runner.withPropertyValues("spring.datasource.url=" + db.jdbcUrl(), "zanith.locations=classpath:scenarios/" + scenario,
                        "management.endpoints.web.exposure.include=zanith")
                .withPropertyValues(properties);
    }

    private static Object body(org.springframework.boot.actuate.endpoint.web.WebEndpointResponse<Object> response) {
        assertThat(response.getStatus()).as("status of %s", response.getBody()).isEqualTo(200);
        return response.getBody();
    }

    @Test
    @SuppressWarnings("unchecked")
    void endpointAnswersOverviewHistoryRiskAndSnapshots() {
        on("basic").run(context -> {
            ZanithEndpoint endpoint = context.getBean(ZanithEndpoint.class);
            Map<String, Object> overview = endpoint.overview();
            assertThat(overview).containsEntry("applied", 2L).containsEntry("restores", 0L)
                    .containsEntry("pending", List.of()).containsEntry("state", "APPLIED");
            List<Map<String, Object>> history = (List<Map<String, Object>>) body(endpoint.section("history", null));
            assertThat(history).extracting(m -> m.get("id")).containsExactly("V1__create_items", "V2__add_items_email");
            assertThat(history).extracting(m -> m.get("kind")).containsOnly("migration");
            Map<String, Object> second = (Map<String, Object>) body(endpoint.item("history", "V2__add_items_email"));
            List<Map<String, Object>> steps = (List<Map<String, Object>>) second.get("steps");
            assertThat(steps).extracting(s -> s.get("operationKind")).containsExactly("addColumn", "addIndex");
            assertThat(steps.get(1)).containsEntry("status", "done").containsEntry("riskLevel", "safe");
            assertThat(body(endpoint.section("risk", null)).toString()).contains("\"verdict\":\"GREEN\"");
            assertThat(body(endpoint.pair("snapshots", "V1__create_items", "V2__add_items_email")).toString()).contains("email");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void endpointListsInspectsRestoresAndPurgesArtifacts() {
        on("recoverable").run(context -> {
            ZanithEndpoint endpoint = context.getBean(ZanithEndpoint.class);
            assertThat(endpoint.overview()).containsEntry("liveArtifacts", 1L);
            List<Map<String, Object>> artifacts = (List<Map<String, Object>>) body(endpoint.section("artifacts", null));
            assertThat(artifacts).singleElement().satisfies(a -> assertThat(a)
                    .containsEntry("type", "soft_drop_column").containsEntry("status", "live")
                    .containsEntry("sourceTable", "items").containsEntry("sourceColumn", "name")
                    .containsEntry("rowCount", 50L));
            String id = (String) artifacts.get(0).get("id");
            assertThat(id).isEqualTo("V3__retire_name::soft_drop_column::public.items.name");
            Map<String, Object> detail = (Map<String, Object>) body(endpoint.item("artifacts", id));
            assertThat(detail).containsEntry("dataPresent", true).containsKey("definition").containsKey("recoverySql");
            assertThat(detail.get("restore").toString()).contains("POST /actuator/zanith/artifacts/")
                    .doesNotContain("zanith recover");

            var restored = endpoint.restore("artifacts", id);
            assertThat(restored.getStatus()).isEqualTo(200);
            assertThat((Map<String, Object>) restored.getBody()).containsEntry("restored", true);
            assertThat(db.queryForLong("SELECT count(name) FROM items")).isEqualTo(50);
            var again = endpoint.restore("artifacts", id);
            assertThat(again.getStatus()).isEqualTo(200);
            assertThat((Map<String, Object>) again.getBody()).containsEntry("restored", false);
            assertThat(again.getBody().toString()).contains("already restored");
            assertThat(endpoint.overview()).containsEntry("liveArtifacts", 0L);

            var purged = endpoint.purge("artifacts", id);
            assertThat(purged.getStatus()).isEqualTo(200);
            assertThat((Map<String, Object>) purged.getBody()).containsEntry("found", true);
            assertThat(body(endpoint.section("artifacts", null))).isEqualTo(List.of());
            assertThat(endpoint.purge("artifacts", id).getStatus()).isEqualTo(404);
            assertThat(endpoint.restore("history", id).getStatus()).isEqualTo(404);
        });
    }

    @Test
    void aRestoreThatWouldClashIsAnsweredWith409AndChangesNothing() {
        on("recoverable").run(context -> {
            ZanithEndpoint endpoint = context.getBean(ZanithEndpoint.class);
            db.execute("ALTER TABLE items ADD COLUMN name text");
            var refused = endpoint.restore("artifacts", "V3__retire_name::soft_drop_column::public.items.name");
            assertThat(refused.getStatus()).isEqualTo(409);
            assertThat(refused.getBody().toString()).contains("name");
            assertThat(endpoint.overview()).containsEntry("liveArtifacts", 1L);
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void changedParkedDataIsRefusedWithTheEndpointsWayToConsentNotACliFlag() {
        on("recoverable").run(context -> {
            ZanithEndpoint endpoint = context.getBean(ZanithEndpoint.class);
            String id = "V3__retire_name::soft_drop_column::public.items.name";
            String parked = ((Map<String, Object>) body(endpoint.item("artifacts", id))).get("physicalName").toString();
            db.execute("UPDATE items SET \"" + parked + "\" = 'changed' WHERE id = 1");
            var refused = endpoint.restore("artifacts", id);
            assertThat(refused.getStatus()).isEqualTo(409);
            String message = ((Map<String, Object>) refused.getBody()).get("message").toString();
            assertThat(message).contains("no longer matches its checksum")
                    .contains("POST /actuator/zanith/artifacts/{id}/accept-changed-data")
                    .contains("DELETE /actuator/zanith/artifacts/" + id)
                    .doesNotContain(" --accept-changed-data").doesNotContain("zanith recover purge");
            assertThat(endpoint.restoreChanged("artifacts", id, "nonsense").getStatus()).isEqualTo(404);
            var restored = endpoint.restoreChanged("artifacts", id, ZanithEndpoint.ACCEPT_CHANGED_DATA);
            assertThat(restored.getStatus()).isEqualTo(200);
            assertThat(db.queryForLong("SELECT count(*) FROM items WHERE name = 'changed'")).isEqualTo(1);
        });
    }

    @Test
    void healthIsUpWhenEverythingApplied() {
        on("basic").run(context -> {
            var health = context.getBean(ZanithHealthIndicator.class).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("applied", 2L).containsEntry("restores", 0L)
                    .containsEntry("pending", 0);
        });
    }

    @Test
    void inWarnModeARefusedMigrationLeavesHealthUpWithTheRefusalInTheDetails() {
        on("destructive", "zanith.on-refusal=warn").run(context -> {
            var health = context.getBean(ZanithHealthIndicator.class).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("pending", 1).containsEntry("state", "REFUSED")
                    .containsEntry("worstPendingRisk", "destructive 85");
            assertThat(health.getDetails().get("refusal").toString()).contains("allow-destructive")
                    .doesNotContain("--allow-destructive");
        });
    }

    @Test
    void inFailModePendingMigrationsTakeHealthOutOfService() {
        on("basic").withBean(ZanithMigrationStrategy.class, () -> zanith -> { }).run(context -> {
            var health = context.getBean(ZanithHealthIndicator.class).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
            assertThat(health.getDetails()).containsEntry("pending", 2);
            assertThat(health.getDetails().get("reason").toString()).contains("2 migration(s) pending");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void anEndpointApplyUpdatesStateMetricsAndThePlanAsAStartupApplyDoes() {
        on("basic", "zanith.mode=plan-only").run(context -> {
            ZanithEndpoint endpoint = context.getBean(ZanithEndpoint.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(endpoint.overview()).containsEntry("state", "PLANNED");
            assertThat(registry.get("zanith.migrations.pending").gauge().value()).isEqualTo(2);
            var applied = endpoint.write("apply");
            assertThat(applied.getStatus()).isEqualTo(200);
            assertThat((Map<String, Object>) applied.getBody()).containsEntry("refused", false)
                    .containsEntry("applied", List.of("V1__create_items", "V2__add_items_email"));
            Map<String, Object> overview = endpoint.overview();
            assertThat(overview).containsEntry("state", "APPLIED").containsEntry("applied", 2L)
                    .containsEntry("pending", List.of());
            assertThat(overview).as("nothing pending: the plan is forgotten, not made again").doesNotContainKey("lastPlan");
            assertThat(body(endpoint.section("risk", null)).toString()).as("planned on request")
                    .contains("\"migrations\":[]");
            assertThat((Map<String, Object>) endpoint.overview().get("lastPlan")).containsEntry("steps", 0);
            assertThat(registry.get("zanith.migrations.pending").gauge().value()).as("no lag").isZero();
            assertThat(registry.get("zanith.migrations.applied").gauge().value()).isEqualTo(2);
            assertThat(registry.get("zanith.step.duration").tag("kind", "addIndex").tag("status", "done").timer()
                    .count()).isEqualTo(1);
            assertThat(context.getBean(ZanithHealthIndicator.class).health(true).getDetails())
                    .containsEntry("state", "APPLIED");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRefusedEndpointApplyAnswers409WithTheRefusalAndAppliesNothing() {
        on("destructive", "zanith.mode=plan-only").run(context -> {
            var refused = context.getBean(ZanithEndpoint.class).write("apply");
            assertThat(refused.getStatus()).isEqualTo(409);
            Map<String, Object> body = (Map<String, Object>) refused.getBody();
            assertThat(body).containsEntry("refused", true).containsEntry("applied", List.of());
            assertThat(body.get("refusal").toString()).contains("allow-destructive").doesNotContain("--allow-destructive");
            assertThat(context.getBean(ZanithRuntime.class).state()).isEqualTo(ZanithRuntime.State.REFUSED);
        });
        assertThat(db.queryForLong("SELECT count(*) FROM pg_tables WHERE tablename = 'items'")).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everythingNotFoundIsA404WithAShortReason() {
        on("recoverable").run(context -> {
            ZanithEndpoint endpoint = context.getBean(ZanithEndpoint.class);
            List<org.springframework.boot.actuate.endpoint.web.WebEndpointResponse<Object>> answers = List.of(
                    endpoint.section("nonsense", null), endpoint.item("history", "V9__none"),
                    endpoint.item("artifacts", "no-such-artifact"), endpoint.item("nonsense", "x"),
                    endpoint.pair("snapshots", "V1__create_items", "V9__none"), endpoint.pair("snapshots", "12345", "1"),
                    endpoint.pair("history", "a", "b"), endpoint.write("nonsense"),
                    endpoint.restore("artifacts", "no-such-artifact"), endpoint.purge("artifacts", "nope"));
            for (var answer : answers) {
                assertThat(answer.getStatus()).isEqualTo(404);
                assertThat((Map<String, Object>) answer.getBody()).containsEntry("error", "not_found")
                        .hasEntrySatisfying("message", m -> assertThat(m.toString()).isNotBlank());
            }
            assertThat(answers.get(4).getBody().toString()).contains("No snapshot 'V9__none'");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRestoreIsHistoryNotAnAppliedMigration() {
        on("recoverable").run(context -> {
            ZanithEndpoint endpoint = context.getBean(ZanithEndpoint.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(endpoint.restore("artifacts", "V3__retire_name::soft_drop_column::public.items.name")
                    .getStatus()).isEqualTo(200);
            assertThat(endpoint.overview()).containsEntry("applied", 3L).containsEntry("restores", 1L)
                    .containsEntry("pending", List.of());
            assertThat(((Map<String, Object>) endpoint.overview().get("lastApplied")).get("id")).isEqualTo("V3__retire_name");
            assertThat(context.getBean(ZanithHealthIndicator.class).health(true).getDetails())
                    .containsEntry("applied", 3L).containsEntry("restores", 1L).containsEntry("pending", 0);
            assertThat(registry.get("zanith.migrations.applied").gauge().value()).isEqualTo(3);
            List<Map<String, Object>> history = (List<Map<String, Object>>) body(endpoint.section("history", null));
            assertThat(history).extracting(m -> m.get("kind")).containsExactly("migration", "migration", "migration",
                    "restore");
            assertThat(context.getBean(dev.zanith.Zanith.class).status().restores()).singleElement()
                    .satisfies(r -> assertThat(r.id()).startsWith("recover:V3__retire_name::"));
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void riskIsServedFromTheLastPlanUntilAnExplicitRefresh() {
        on("basic", "zanith.mode=plan-only").run(context -> {
            ZanithEndpoint endpoint = context.getBean(ZanithEndpoint.class);
            assertThat(body(endpoint.section("risk", null)).toString()).contains("\"verdict\":\"GREEN\"");
            // Applied behind the application's back (another instance, the CLI): the last plan does not know yet.
            new dev.zanith.Zanith(context.getBean(dev.zanith.Zanith.class).config()).apply(dev.zanith.api.ApplyListener.NONE);
            assertThat(((Map<String, Object>) endpoint.overview().get("lastPlan"))).containsEntry("steps", 3);
            assertThat(body(endpoint.section("risk", null)).toString()).as("served from the last plan").contains("\"steps\":3");
            assertThat(body(endpoint.section("risk", true)).toString()).contains("\"migrations\":[]");
            assertThat(((Map<String, Object>) endpoint.overview().get("lastPlan"))).containsEntry("steps", 0);
        });
    }

    @Test
    void healthIsDownWhenAStepFailed() {
        db.execute("CREATE TABLE items (id bigint)"); // V1 will fail: the table exists
        // a database with a table but no history starts only from a baseline (the default one covers no file)
        on("basic", "zanith.baseline-on-migrate=true").run(context -> {
            assertThat(context).hasFailed();
        });
        on("basic", "zanith.mode=plan-only").run(context -> {
            var health = context.getBean(ZanithHealthIndicator.class).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("failedStep").toString()).contains("V1__create_items #1 createTable");
        });
    }

    @Test
    void metricsCountMigrationsAndTimeSteps() {
        on("basic").run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(context).hasSingleBean(ZanithMetrics.class);
            assertThat(registry.get("zanith.migrations.applied").gauge().value()).isEqualTo(2);
            assertThat(registry.get("zanith.migrations.pending").gauge().value()).isZero();
            assertThat(registry.get("zanith.steps.failed").gauge().value()).isZero();
            assertThat(registry.get("zanith.migrations.refused").gauge().value()).isZero();
            assertThat(registry.get("zanith.backfill.active").gauge().value()).isZero();
            assertThat(registry.get("zanith.artifacts.live").gauge().value()).isZero();
            assertThat(registry.get("zanith.step.duration").tag("kind", "addIndex").tag("status", "done").timer().count())
                    .isEqualTo(1);
        });
    }

    @Test
    void metricsNameARefusalTheApplicationCarriesOnWith() {
        on("destructive", "zanith.on-refusal=warn").run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get("zanith.migrations.pending").gauge().value()).isEqualTo(1);
            assertThat(registry.get("zanith.migrations.refused").gauge().value()).isEqualTo(1);
            assertThat(registry.get("zanith.risk.pending.worst").gauge().value()).isGreaterThanOrEqualTo(80);
        });
    }

    @Test
    void metricsSayWhenTheFirstLiveArtifactExpires() {
        on("basic").run(context -> assertThat(context.getBean(MeterRegistry.class).get("zanith.artifacts.next.expiry")
                .gauge().value()).as("no artifact, no expiry").isNaN());
        on("recoverable", "zanith.artifact-retention=2d").run(context -> {
            var gauge = context.getBean(MeterRegistry.class).get("zanith.artifacts.next.expiry").gauge();
            assertThat(gauge.getId().getBaseUnit()).isEqualTo("seconds");
            assertThat(gauge.value()).isCloseTo(Duration.ofDays(2).toSeconds(), org.assertj.core.data.Offset.offset(120.0));
        });
    }

    @Test
    void backgroundLongRunningKeepsReadinessRefusingTrafficUntilTheBackfillIsDone() throws InterruptedException {
        try (var context = new org.springframework.boot.builder.SpringApplicationBuilder(BackgroundApp.class)
                .web(org.springframework.boot.WebApplicationType.NONE)
                .properties("spring.datasource.url=" + db.jdbcUrl(), "zanith.locations=classpath:scenarios/background",
                        "zanith.background-long-running=true", "zanith.backfill-pause=100ms")
                .run()) {
            // SpringApplication has declared the application ready by now; the backfill still runs.
            ApplicationAvailability availability = context.getBean(ApplicationAvailability.class);
            ZanithRuntime runtime = context.getBean(ZanithRuntime.class);
            assertThat(runtime.backgroundRunning()).as("the backfill continues after startup").isTrue();
            assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
            assertThat(availability.getLivenessState()).isEqualTo(LivenessState.CORRECT);
            assertThat(context.getBean(ZanithHealthIndicator.class).health(true).getStatus()).isEqualTo(Status.UP);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            double activeBackfills = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC && System.nanoTime() < deadline) {
                activeBackfills = Math.max(activeBackfills, registry.get("zanith.backfill.active").gauge().value());
                Thread.sleep(50);
            }
            assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
            assertThat(runtime.state()).isEqualTo(ZanithRuntime.State.APPLIED);
            assertThat(activeBackfills).as("the backfill counted as running while it ran").isEqualTo(1);
            assertThat(registry.get("zanith.backfill.active").gauge().value()).as("and no longer when done").isZero();
            assertThat(registry.get("zanith.backfill.rows").tag("table", "public.items").counter().count()).isEqualTo(2000);
        }
        assertThat(new org.springframework.jdbc.core.JdbcTemplate(db.dataSource())
                .queryForObject("SELECT count(*) FROM items WHERE m = n * 2", Integer.class)).isEqualTo(2000);
    }

    /** A real application (not a context runner), so that SpringApplication publishes its own readiness events. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @org.springframework.boot.autoconfigure.ImportAutoConfiguration({DataSourceAutoConfiguration.class,
            org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration.class,
            org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration.class,
            ZanithAutoConfiguration.class, ZanithHealthContributorAutoConfiguration.class,
            ZanithMetricsAutoConfiguration.class})
    static class BackgroundApp {
        @org.springframework.context.annotation.Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
