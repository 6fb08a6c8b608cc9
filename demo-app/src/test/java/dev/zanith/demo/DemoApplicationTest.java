package dev.zanith.demo;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo as users meet it: five migrations applied at startup, the destructive sixth refused (warn). */
class DemoApplicationTest extends DemoHttpTest {

    static final String LEGACY_CODE = "20260115100000_retire_accounts_legacy_code::soft_drop_column::public.accounts.legacy_code";

    @Autowired
    JdbcClient jdbc;

    @Test
    @SuppressWarnings("unchecked")
    void overviewShowsWhatRanAndWhatWasRefused() {
        Map<String, Object> overview = http.getForObject("/actuator/zanith", Map.class);
        assertThat(overview).containsEntry("applied", 5).containsEntry("state", "REFUSED")
                .containsEntry("pending", List.of("20260120100000_drop_orders_note"));
        assertThat(overview.get("problem").toString()).contains("allow-destructive");
    }

    @Test
    @SuppressWarnings("unchecked")
    void historyRiskAndSnapshotsAnswer() {
        List<Map<String, Object>> history = http.getForObject("/actuator/zanith/history", List.class);
        assertThat(history).hasSize(5).allSatisfy(m -> assertThat(m.get("status")).isEqualTo("applied"));
        Map<String, Object> backfill = http.getForObject("/actuator/zanith/history/20260110100000_add_orders_status", Map.class);
        List<Map<String, Object>> steps = (List<Map<String, Object>>) backfill.get("steps");
        assertThat(steps).extracting(s -> s.get("operationKind")).containsExactly("createEnum", "addColumn", "backfill");
        assertThat(steps.get(2)).containsEntry("status", "done")
                // the seed is raw SQL, so the planner no longer assumes the new table is empty
                .containsEntry("riskLevel", "low");
        Map<String, Object> risk = http.getForObject("/actuator/zanith/risk", Map.class);
        assertThat(risk).containsEntry("verdict", "REFUSED");
        assertThat(((Map<String, Object>) risk.get("refusal")).get("gate")).isEqualTo("allow-destructive");
        String diff = http.getForObject("/actuator/zanith/snapshots/20260105120000_add_accounts_last_login"
                + "/20260115100000_retire_accounts_legacy_code", String.class);
        assertThat(diff).contains("legacy_code").contains("status");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSoftDroppedColumnIsARestorableArtifact() {
        assertThat(http.getForObject("/actuator/zanith", Map.class)).containsEntry("liveArtifacts", 1);
        List<Map<String, Object>> artifacts = http.getForObject("/actuator/zanith/artifacts", List.class);
        assertThat(artifacts).singleElement().satisfies(a -> assertThat(a)
                .containsEntry("id", LEGACY_CODE).containsEntry("status", "live").containsEntry("rowCount", 200));
        Map<String, Object> detail = http.getForObject("/actuator/zanith/artifacts/" + LEGACY_CODE, Map.class);
        assertThat(detail).containsEntry("dataPresent", true);
        assertThat(detail.get("restore").toString()).contains("legacy_code");
        ResponseEntity<String> restore = http.postForEntity("/actuator/zanith/artifacts/" + LEGACY_CODE, null, String.class);
        assertThat(restore.getStatusCode().is4xxClientError()).as(restore.getStatusCode().toString()).isTrue();
        Map<String, Object> live = http.getForObject("/actuator/metrics/zanith.artifacts.live", Map.class);
        assertThat(live.toString()).contains("value=1.0");
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void healthStaysUpWithTheDeferredRefusalInItsDetailsAndMetricsCountMigrations() {
        // zanith.on-refusal=warn: the operator chose to run with the refused migration deferred, so a load balancer
        // probing /actuator/health keeps the application in service.
        ResponseEntity<Map> health = http.getForEntity("/actuator/health", Map.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> zanith = (Map<String, Object>) ((Map<String, Object>) health.getBody().get("components")).get("zanith");
        assertThat(zanith).containsEntry("status", "UP");
        Map<String, Object> details = (Map<String, Object>) zanith.get("details");
        assertThat(details).containsEntry("applied", 5).containsEntry("restores", 0).containsEntry("pending", 1)
                .containsEntry("state", "REFUSED");
        assertThat(details.get("refusal").toString()).contains("allow-destructive");
        assertThat(http.getForEntity("/actuator/health/liveness", Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> applied = http.getForObject("/actuator/metrics/zanith.migrations.applied", Map.class);
        assertThat(applied.toString()).contains("value=5.0");
        Map<String, Object> timer = http.getForObject("/actuator/metrics/zanith.step.duration", Map.class);
        assertThat(timer.toString()).contains("backfill").contains("softDropColumn");
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void whatIsNotThereIsA404WithAReason() {
        for (String path : List.of("/actuator/zanith/artifacts/no-such-artifact", "/actuator/zanith/history/no-such-migration",
                "/actuator/zanith/snapshots/20260105120000_add_accounts_last_login/no-such-snapshot",
                "/actuator/zanith/nonsense")) {
            ResponseEntity<Map> answer = http.getForEntity(path, Map.class);
            assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(answer.getBody()).as(path).containsEntry("error", "not_found").containsKey("message");
        }
    }

    @Test
    void writeOperationsAreRefusedByDefault() {
        ResponseEntity<String> apply = http.postForEntity("/actuator/zanith/apply", null, String.class);
        assertThat(apply.getStatusCode().is4xxClientError()).as(apply.getStatusCode().toString()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM _zanith_migrations").query(Integer.class).single()).isEqualTo(5);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theServiceWorksOnTheMigratedSchema() {
        List<Map<String, Object>> accounts = http.getForObject("/accounts?limit=5", List.class);
        assertThat(accounts).hasSize(5);
        Map<String, Object> created = http.postForObject("/accounts", Map.of("email", "new@example.com", "name", "New"), Map.class);
        assertThat(created).containsEntry("email", "new@example.com");
        Map<String, Object> login = http.postForObject("/accounts/" + created.get("id") + "/login", null, Map.class);
        assertThat(login.get("lastLogin")).isNotNull();
        List<Map<String, Object>> pending = http.getForObject("/orders?status=pending&limit=500", List.class);
        assertThat(pending).isNotEmpty().allSatisfy(o -> assertThat(o.get("status")).isEqualTo("pending"));
    }
}
