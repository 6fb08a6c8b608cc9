package dev.zanith.demo;

import dev.zanith.testsupport.PostgresServer;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The demo on a random port over a database of its own, so every test class starts from an empty schema. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
abstract class DemoHttpTest {

    private static final List<TestDatabase> DATABASES = new CopyOnWriteArrayList<>();

    @Autowired
    TestRestTemplate http;

    /** Runs once per application context Spring creates, so each differently configured demo gets its own database. */
    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) {
        TestDatabase database = PostgresServer.shared().createDatabase("demo");
        DATABASES.add(database);
        registry.add("spring.datasource.url", database::jdbcUrl);
    }

    @AfterAll
    static void dropDatabases() {
        DATABASES.forEach(TestDatabase::close);
        DATABASES.clear();
    }
}
