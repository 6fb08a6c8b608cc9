package dev.zanith.jpa;

import dev.zanith.api.exception.ZanithConfigException;
import dev.zanith.api.schema.ServerVersion;
import dev.zanith.jpa.shop.Customer;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;
import org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The script Hibernate writes for the shop, with Spring Boot's naming strategies unless told otherwise (no database). */
class EntityModelTest {

    private static final ServerVersion PG18 = new ServerVersion(180000);

    @Test
    void springBootsNamingStrategiesByDefault() {
        String script = EntityModel.packages("dev.zanith.jpa.shop").createScript(PG18);

        assertThat(script).startsWith("-- The schema Hibernate creates for entity packages dev.zanith.jpa.shop")
                .contains("create table purchase_orders_tags (purchase_order_id bigint not null, tags_id bigint not null")
                .contains("placed_at timestamp(6) with time zone not null")
                .contains("version bigint not null")
                .contains("status varchar(20) not null check ((status in ('PLACED','PAID','SHIPPED')))")
                .contains("create index customers_full_name_idx on customers (full_name);")
                .contains("create sequence tag_seq start with 1 increment by 50;");
    }

    @Test
    void otherNamingStrategiesAreTheApplicationsChoice() {
        String physical = EntityModel.packages("dev.zanith.jpa.shop")
                .withPhysicalNamingStrategy(PhysicalNamingStrategyStandardImpl.class.getName()).createScript(PG18);
        String implicit = EntityModel.packages("dev.zanith.jpa.shop")
                .withImplicitNamingStrategy(ImplicitNamingStrategyJpaCompliantImpl.class.getName()).createScript(PG18);

        assertThat(physical).contains("placedAt timestamp(6)").doesNotContain("placed_at timestamp");
        // JPA's own rule names a join table after both entities' tables
        assertThat(implicit).contains("create table purchase_orders_tag (").doesNotContain("purchase_orders_tags");
    }

    @Test
    void classesGivenOneByOneAreExactlyThoseAndNoPackageIsRefused() {
        assertThatThrownBy(() -> EntityModel.classes(Customer.class).createScript(PG18))
                .isInstanceOf(ZanithConfigException.class).hasMessageContaining("PurchaseOrder");
        assertThatThrownBy(() -> EntityModel.packages(" ")).isInstanceOf(ZanithConfigException.class)
                .hasMessageStartingWith("No entity package given");
    }
}
