package dev.zanith.demo;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Plan-only at startup, with the endpoint's write access granted: apply from the endpoint. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "zanith.mode=plan-only", "zanith.allow-destructive=true", "management.endpoint.zanith.access=unrestricted"})
class DemoWriteAccessTest extends DemoHttpTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    @SuppressWarnings("unchecked")
    void planOnlyAppliesNothingUntilTheEndpointIsAskedTo() {
        Map<String, Object> before = http.getForObject("/actuator/zanith", Map.class);
        assertThat(before).containsEntry("applied", 0).containsEntry("state", "PLANNED");
        assertThat((List<String>) before.get("pending")).hasSize(6);
        Map<String, Object> result = http.postForObject("/actuator/zanith/apply", null, Map.class);
        assertThat(result).containsEntry("refused", false);
        assertThat((List<String>) result.get("applied")).hasSize(6);
        Map<String, Object> after = http.getForObject("/actuator/zanith", Map.class);
        assertThat(after).containsEntry("applied", 6).containsEntry("pending", List.of()).containsEntry("state", "APPLIED");
        assertThat(http.getForObject("/actuator/metrics/zanith.migrations.pending", Map.class).toString())
                .as("the metric does not lag behind the endpoint's apply").contains("value=0.0");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSoftDroppedColumnComesBackWithOnePost() {
        http.postForObject("/actuator/zanith/apply", null, Map.class);
        String artifact = "/actuator/zanith/artifacts/" + DemoApplicationTest.LEGACY_CODE;
        Map<String, Object> restored = http.postForObject(artifact, null, Map.class);
        assertThat(restored).containsEntry("restored", true).containsEntry("source", "public.accounts.legacy_code");
        assertThat(jdbc.sql("SELECT count(legacy_code) FROM accounts").query(Long.class).single()).isEqualTo(200);
        // a restore is history, not a migration
        assertThat(http.getForObject("/actuator/zanith", Map.class)).containsEntry("applied", 6).containsEntry("restores", 1);
        // restored: the artifact row stays (status restored) until purged
        http.delete(artifact);
        assertThat(http.getForObject("/actuator/zanith/artifacts", List.class)).isEmpty();
        assertThat(jdbc.sql("SELECT count(legacy_code) FROM accounts").query(Long.class).single()).isEqualTo(200);
    }
}
