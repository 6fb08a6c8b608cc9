package dev.zanith.spring.autoconfigure.health;

import dev.zanith.Zanith;
import dev.zanith.spring.autoconfigure.ZanithAutoConfiguration;
import dev.zanith.spring.autoconfigure.ZanithProperties;
import dev.zanith.spring.autoconfigure.ZanithRuntime;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/** The {@code zanith} health indicator, and readiness that waits for background migrations. */
@AutoConfiguration(after = ZanithAutoConfiguration.class, before = AvailabilityHealthContributorAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(Zanith.class)
public class ZanithHealthContributorAutoConfiguration {

    @Bean
    @ConditionalOnEnabledHealthIndicator("zanith")
    @ConditionalOnMissingBean(name = "zanithHealthIndicator")
    public ZanithHealthIndicator zanithHealthIndicator(Zanith zanith, ZanithRuntime runtime, ZanithProperties properties) {
        return new ZanithHealthIndicator(zanith, runtime, properties);
    }

    @Bean(name = "readinessStateHealthIndicator")
    @ConditionalOnBooleanProperty("zanith.background-long-running")
    @ConditionalOnMissingBean(name = "readinessStateHealthIndicator")
    public ZanithReadinessStateHealthIndicator zanithReadinessStateHealthIndicator(ApplicationAvailability availability,
                                                                                   ZanithRuntime runtime) {
        return new ZanithReadinessStateHealthIndicator(availability, runtime);
    }
}
