package dev.zanith.jpa;

import dev.zanith.Zanith;
import dev.zanith.ZanithConfig;
import dev.zanith.api.ApplyListener;
import dev.zanith.api.output.ApplyResult;
import dev.zanith.api.output.GenerateResult;
import dev.zanith.jpa.shop.Address;
import dev.zanith.jpa.shop.Customer;
import dev.zanith.jpa.shop.CustomerRepository;
import dev.zanith.jpa.shop.CustomerStatus;
import dev.zanith.jpa.shop.PurchaseOrder;
import dev.zanith.jpa.shop.PurchaseOrderRepository;
import dev.zanith.jpa.shop.ShopApplication;
import dev.zanith.jpa.shop.Tag;
import dev.zanith.jpa.shop.TagRepository;
import dev.zanith.testsupport.PostgresServer;
import dev.zanith.testsupport.TestDatabase;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The test-scope helper in a Spring Boot test of a Spring Data JPA application that migrates with the Zanith starter
 * from a directory that starts empty: the check fails naming the missing migration, generate writes it, the starter's
 * Zanith applies it, the repositories work on it, and then the check passes.
 */
@SpringBootTest(classes = ShopApplication.class, properties = "spring.jpa.hibernate.ddl-auto=none")
class EntityMigrationCheckTest {

    private static final Path MIGRATIONS = temporaryDirectory();
    private static TestDatabase database;

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) {
        database = PostgresServer.shared().createDatabase("shop");
        registry.add("spring.datasource.url", database::jdbcUrl);
        registry.add("zanith.locations", () -> "file:" + MIGRATIONS + "/");
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Autowired
    DataSource dataSource;
    @Autowired
    EntityManagerFactory entities;
    @Autowired
    Zanith zanith;
    @Autowired
    CustomerRepository customers;
    @Autowired
    PurchaseOrderRepository orders;
    @Autowired
    TagRepository tags;

    @Test
    void theMissingMigrationIsNamedThenGeneratedAppliedAndUsedByTheRepositories() throws Exception {
        // URL-based, so that the shadow is a temporary database on the test's server
        Zanith byUrl = new Zanith(ZanithConfig.builder().url(database.jdbcUrl()).build());
        EntityMigrationCheck check = EntityMigrationCheck.of(byUrl, EntityModel.of(entities)).withMigrations(MIGRATIONS)
                .withShadow("database");

        assertThatThrownBy(check::assertNoMigrationMissing).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("The entities (the entities of the application's EntityManagerFactory) need "
                        + "a migration that " + MIGRATIONS + " does not hold: ")
                .hasMessageContaining("createTable").hasMessageContaining("name: purchase_orders_tags");
        assertThat(files()).as("the check writes nothing").isEmpty();

        GenerateResult generated = check.withName("shop").generate();
        assertThat(generated.file()).isNotNull();
        assertThat(files()).containsExactly(generated.file().getFileName().toString());
        assertThat(generated.id()).endsWith("_shop");

        ApplyResult applied = zanith.apply(ApplyListener.NONE); // the starter's Zanith, over the application's DataSource
        assertThat(applied.succeeded()).as(String.valueOf(applied)).isTrue();

        Tag gift = tags.save(new Tag("gift"));
        Customer ada = customers.save(new Customer("ada@example.com", "Ada", new Address("1 Main St", "Springfield", "12345")));
        PurchaseOrder order = new PurchaseOrder(ada, new BigDecimal("19.90"), Instant.now());
        order.getTags().add(gift);
        orders.save(order);
        ada.setStatus(CustomerStatus.SUSPENDED);
        Customer saved = customers.save(ada);
        assertThat(saved.getVersion()).as("@Version counts the update").isEqualTo(1);
        assertThat(customers.findByStatus(CustomerStatus.SUSPENDED)).extracting(Customer::getFullName).containsExactly("Ada");
        assertThat(database.queryForLong("SELECT count(*) FROM purchase_orders_tags")).isOne();

        // now nothing is missing, also through the DataSource (the shadow: the embedded server on the test classpath)
        check.assertNoMigrationMissing();
        EntityMigrationCheck.of(dataSource, entities).withMigrations(MIGRATIONS).assertNoMigrationMissing();
    }

    private static java.util.List<String> files() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }

    private static Path temporaryDirectory() {
        try {
            Path directory = Files.createTempDirectory("zanith-jpa-shop-");
            directory.toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
