package dev.zanith.spring.autoconfigure;

import dev.zanith.Zanith;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.Ordered;

/**
 * Runs the migration strategy when the application context starts. Registered as a database initializer, so
 * JDBC and JPA consumers (JdbcClient, JdbcTemplate, EntityManagerFactory) are created only after it.
 */
public class ZanithMigrationInitializer implements InitializingBean, Ordered {

    private final Zanith zanith;
    private final ZanithMigrationStrategy strategy;
    private int order;

    public ZanithMigrationInitializer(Zanith zanith, ZanithMigrationStrategy strategy) {
        this.zanith = zanith;
        this.strategy = strategy;
    }

    @Override
    public void afterPropertiesSet() {
        strategy.migrate(zanith);
    }

    @Override
    public int getOrder() {
        return order;
    }

    public void setOrder(int order) {
        this.order = order;
    }
}
