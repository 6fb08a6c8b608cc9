package dev.zanith.demo;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Plan-only at startup, with the endpoint's write access granted: apply from the endpoint. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "zanith.mode=plan-only", "zanith.allow-destructive=true", "management.endpoint.zanith.access=unrestricted"})
class DemoWriteAccessTest extends DemoHttpTest {

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
        assertThat(after).containsEntry("applied", 6).containsEntry("pending", List.of());
    }
}
