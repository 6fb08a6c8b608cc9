package dev.zanith.demo;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Zanith Studio in the demo: served under /zanith, writes only as /actuator/zanith allows them, same-origin only. */
class DemoStudioTest {

    static ResponseEntity<String> post(TestRestTemplate http, String path, Map<String, String> headers) {
        HttpHeaders h = new HttpHeaders();
        headers.forEach(h::add);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(null, h), String.class);
    }

    @Nested
    @TestPropertySource(properties = "zanith.studio.enabled=true")
    class ReadOnly extends DemoHttpTest {

        @Test
        void servesThePageAndTheApiAndRefusesWritesNamingTheProperty() {
            ResponseEntity<String> page = http.getForEntity("/zanith/", String.class);
            assertThat(page.getStatusCode().value()).isEqualTo(200);
            assertThat(page.getBody()).contains("Zanith Studio").contains("assets/app.js");
            assertThat(http.getForEntity("/zanith/assets/app.js", String.class).getStatusCode().value()).isEqualTo(200);

            String overview = http.getForObject("/zanith/api/overview", String.class);
            assertThat(overview).contains("\"allowed\":false").contains("management.endpoint.zanith.access=unrestricted")
                    .contains("\"verdict\":\"REFUSED\"").contains("zanith.allow-destructive");
            String plan = http.getForObject("/zanith/api/plan?allowDestructive=true", String.class);
            assertThat(plan).contains("\"verdict\":\"GREEN\"").contains("\"whatIf\":true");

            ResponseEntity<String> apply = post(http, "/zanith/api/apply", Map.of("X-Zanith-Studio", "1"));
            assertThat(apply.getStatusCode().value()).isEqualTo(403);
            assertThat(apply.getBody()).contains("writes_disabled");
            assertThat(http.getForEntity("/zanith/api/artifacts/nope", String.class).getStatusCode().value())
                    .isEqualTo(404);
        }
    }

    @Nested
    @TestPropertySource(properties = {"zanith.studio.enabled=true", "zanith.studio.path=/ops/studio",
            "management.endpoint.zanith.access=unrestricted"})
    class Writable extends DemoHttpTest {

        @Test
        void restoresOnlyFromItsOwnOrigin() {
            String restore = "/ops/studio/api/artifacts/" + DemoApplicationTest.LEGACY_CODE + "/restore";
            assertThat(http.getForEntity("/zanith/api/overview", String.class).getStatusCode().value()).isEqualTo(404);
            assertThat(post(http, restore, Map.of()).getStatusCode().value()).as("no Studio header").isEqualTo(403);
            assertThat(post(http, restore, Map.of("X-Zanith-Studio", "1", "Origin", "https://elsewhere.example"))
                    .getStatusCode().value()).isEqualTo(403);
            ResponseEntity<String> restored = post(http, restore, Map.of("X-Zanith-Studio", "1"));
            assertThat(restored.getStatusCode().value()).as(restored.getBody()).isEqualTo(200);
            assertThat(restored.getBody()).contains("\"restored\":true");
            ResponseEntity<String> again = post(http, "/ops/studio/api/apply", Map.of("X-Zanith-Studio", "1"));
            assertThat(again.getStatusCode().value()).as("the destructive drop is still refused").isEqualTo(409);
            assertThat(again.getBody()).contains("zanith.allow-destructive");
        }
    }
}
