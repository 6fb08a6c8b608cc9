package dev.zanith.demo;

import dev.zanith.testsupport.PostgresServer;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A budget the migrations exceed stops startup, and the failure report is the plan — no stack-trace wall. */
@ExtendWith(OutputCaptureExtension.class)
class DemoRefusedStartupTest {

    @Test
    void maxRiskRefusalExplainsThePlanAndThePropertyToChange(CapturedOutput output) {
        try (TestDatabase database = PostgresServer.shared().createDatabase("demo_refused")) {
            assertThatThrownBy(() -> SpringApplication.run(DemoApplication.class, "--server.port=0",
                    "--spring.datasource.url=" + database.jdbcUrl(), "--zanith.max-risk=40", "--zanith.on-refusal=fail"))
                    .hasRootCauseInstanceOf(dev.zanith.spring.autoconfigure.ZanithStartupException.class);
            assertThat(output).contains("APPLICATION FAILED TO START")
                    .contains("Zanith planned 6 pending migration(s)")
                    .contains("Refused by the max-risk gate at 20260102090000_seed_demo_data #1 (rawSql)")
                    .contains("Raise zanith.max-risk to at least 55 (currently 40)");
        }
    }
}
