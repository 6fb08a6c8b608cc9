package dev.zanith.spring.autoconfigure;

import dev.zanith.spring.autoconfigure.endpoint.ZanithEndpoint;
import dev.zanith.spring.autoconfigure.endpoint.ZanithEndpointAutoConfiguration;
import dev.zanith.spring.autoconfigure.health.ZanithHealthContributorAutoConfiguration;
import dev.zanith.spring.autoconfigure.health.ZanithHealthIndicator;
import dev.zanith.spring.autoconfigure.health.ZanithReadinessStateHealthIndicator;
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
import org.springframework.boot.availability.ApplicationAvailabilityBean;
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

    @Test
    @SuppressWarnings("unchecked")
    void endpointAnswersOverviewHistoryRiskAndSnapshots() {
        on("basic").run(context -> {
            ZanithEndpoint endpoint = context.getBean(ZanithEndpoint.class);
            Map<String, Object> overview = endpoint.overview();
            assertThat(overview).containsEntry("applied", 2).containsEntry("pending", List.of()).containsEntry("state", "APPLIED");
            List<Map<String, Object>> history = (List<Map<String, Object>>) endpoint.section("history");
            assertThat(history).extracting(m -> m.get("id")).containsExactly("V1__create_items", "V2__add_items_email");
            Map<String, Object> second = (Map<String, Object>) endpoint.item("history", "V2__add_items_email");
            List<Map<String, Object>> steps = (List<Map<String, Object>>) second.get("steps");
            assertThat(steps).extracting(s -> s.get("operationKind")).containsExactly("addColumn", "addIndex");
            assertThat(steps.get(1)).containsEntry("status", "done").containsEntry("riskLevel", "safe");
            assertThat(endpoint.section("risk").toString()).contains("\"verdict\":\"GREEN\"");
            assertThat(endpoint.pair("snapshots", "V1__create_items", "V2__add_items_email").toString()).contains("email");
            assertThat(endpoint.section("nonsense")).isNull();
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void endpointListsInspectsRestoresAndPurgesArtifacts() {
        on("recoverable").run(context -> {
            ZanithEndpoint endpoint = context.getBean(ZanithEndpoint.class);
            assertThat(endpoint.overview()).containsEntry("liveArtifacts", 1L);
            List<Map<String, Object>> artifacts = (List<Map<String, Object>>) endpoint.section("artifacts");
            assertThat(artifacts).singleElement().satisfies(a -> assertThat(a)
                    .containsEntry("type", "soft_drop_column").containsEntry("status", "live")
                    .containsEntry("sourceTable", "items").containsEntry("sourceColumn", "name")
                    .containsEntry("rowCount", 50L));
            String id = (String) artifacts.get(0).get("id");
            assertThat(id).isEqualTo("V3__retire_name::soft_drop_column::public.items.name");
            Map<String, Object> detail = (Map<String, Object>) endpoint.item("artifacts", id);
            assertThat(detail).containsEntry("dataPresent", true).containsKey("definition").containsKey("recoverySql");
            assertThat(endpoint.item("artifacts", "no-such-artifact")).isNull();

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
            assertThat(endpoint.section("artifacts")).isEqualTo(List.of());
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
    void healthIsUpWhenEverythingApplied() {
        on("basic").run(context -> {
            var health = context.getBean(ZanithHealthIndicator.class).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("applied", 2).containsEntry("pending", 0);
        });
    }

    @Test
    void healthIsOutOfServiceWhileARefusedMigrationIsPending() {
        on("destructive", "zanith.on-refusal=warn").run(context -> {
            var health = context.getBean(ZanithHealthIndicator.class).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
            assertThat(health.getDetails()).containsEntry("pending", 1).containsEntry("state", "REFUSED");
            assertThat(health.getDetails().get("reason").toString()).contains("allow-destructive");
        });
    }

    @Test
    void healthIsDownWhenAStepFailed() {
        db.execute("CREATE TABLE items (id bigint)"); // V1 will fail: the table exists
        on("basic").run(context -> {
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
    void backgroundLongRunningKeepsReadinessDownUntilTheBackfillIsDone() {
        on("background", "zanith.background-long-running=true", "zanith.backfill-pause=100ms").run(context -> {
            assertThat(context).hasNotFailed();
            ZanithRuntime runtime = context.getBean(ZanithRuntime.class);
            ZanithReadinessStateHealthIndicator readiness = context.getBean("readinessStateHealthIndicator",
                    ZanithReadinessStateHealthIndicator.class);
            assertThat(runtime.backgroundRunning()).as("the backfill continues after startup").isTrue();
            org.springframework.boot.availability.AvailabilityChangeEvent.publish(context,
                    org.springframework.boot.availability.ReadinessState.ACCEPTING_TRAFFIC); // the application is up
            assertThat(readiness.health(false).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
            assertThat(context.getBean(ZanithHealthIndicator.class).health(true).getStatus()).isEqualTo(Status.UP);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            double activeBackfills = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (runtime.backgroundRunning() && System.nanoTime() < deadline) {
                activeBackfills = Math.max(activeBackfills, registry.get("zanith.backfill.active").gauge().value());
                Thread.sleep(50);
            }
            assertThat(runtime.state()).isEqualTo(ZanithRuntime.State.APPLIED);
            assertThat(readiness.health(false).getStatus()).isEqualTo(Status.UP);
            assertThat(activeBackfills).as("the backfill counted as running while it ran").isEqualTo(1);
            assertThat(registry.get("zanith.backfill.active").gauge().value()).as("and no longer when done").isZero();
            assertThat(registry.get("zanith.backfill.rows").tag("table", "public.items").counter().count()).isEqualTo(2000);
        });
        assertThat(new org.springframework.jdbc.core.JdbcTemplate(db.dataSource())
                .queryForObject("SELECT count(*) FROM items WHERE m = n * 2", Integer.class)).isEqualTo(2000);
    }
}
