package dev.zanith.spring.autoconfigure;

import dev.zanith.spring.autoconfigure.studio.ZanithStudioAutoConfiguration;
import dev.zanith.spring.autoconfigure.studio.ZanithStudioController;
import dev.zanith.testsupport.PostgresServer;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** Zanith Studio in the application: off by default, read-only unless the endpoint's access is unrestricted. */
class ZanithStudioAutoConfigurationTest {

    private TestDatabase db;

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, ZanithAutoConfiguration.class,
                    ZanithStudioAutoConfiguration.class));

    @BeforeEach
    void database() {
        db = PostgresServer.shared().createDatabase("studio");
    }

    @AfterEach
    void drop() {
        db.close();
    }

    private WebApplicationContextRunner with(String... properties) {
        return runner.withPropertyValues("spring.datasource.url=" + db.jdbcUrl(), "zanith.locations=classpath:scenarios/basic")
                .withPropertyValues(properties);
    }

    @Test
    void offByDefault() {
        with().run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ZanithStudioController.class));
    }

    @Test
    void enabledItOnlyReadsUnlessTheEndpointsAccessIsUnrestricted() {
        with("zanith.studio.enabled=true").run(context -> {
            var access = context.getBean(ZanithStudioController.class).studio().access();
            assertThat(access.allowed()).isFalse();
            assertThat(access.reason()).contains("read-only").contains("management.endpoint.zanith.access=unrestricted");
        });
        with("zanith.studio.enabled=true", "management.endpoint.zanith.access=unrestricted").run(context ->
                assertThat(context.getBean(ZanithStudioController.class).studio().access().allowed()).isTrue());
        with("zanith.studio.enabled=true", "management.endpoint.zanith.access=unrestricted",
                "management.endpoints.access.max-permitted=read-only").run(context -> {
            var access = context.getBean(ZanithStudioController.class).studio().access();
            assertThat(access.allowed()).as("capped like the endpoint").isFalse();
        });
        with("zanith.studio.enabled=true", "management.endpoint.zanith.access=none").run(context ->
                assertThat(context.getBean(ZanithStudioController.class).studio().access().reason()).contains("none"));
    }
}
