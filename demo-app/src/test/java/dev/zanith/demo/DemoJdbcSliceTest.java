package dev.zanith.demo;

import dev.zanith.testsupport.PostgresServer;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test slice runs on a migrated database: Zanith's auto-configuration is registered for
 * {@code @AutoConfigureDataSourceInitialization}, which {@code @JdbcTest}, {@code @DataJpaTest} and the other
 * data-access slices import, as Spring Boot registers Flyway's. Nothing to import by hand.
 */
@JdbcTest(properties = "zanith.on-refusal=warn")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class DemoJdbcSliceTest {

    private static TestDatabase database;

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) {
        database = PostgresServer.shared().createDatabase("slice");
        registry.add("spring.datasource.url", database::jdbcUrl);
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSliceSeesTheMigratedSchema() {
        assertThat(jdbc.sql("SELECT count(*) FROM accounts").query(Long.class).single()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM _zanith_migrations").query(Integer.class).single()).isEqualTo(5);
    }
}
