package dev.zanith.spring.autoconfigure.health;

import dev.zanith.Zanith;
import dev.zanith.spring.autoconfigure.ZanithAutoConfiguration;
import dev.zanith.spring.autoconfigure.ZanithProperties;
import dev.zanith.spring.autoconfigure.ZanithRuntime;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;

/** The {@code zanith} health indicator ({@code management.health.zanith.enabled}). */
@AutoConfiguration(after = ZanithAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(Zanith.class)
public class ZanithHealthContributorAutoConfiguration {

    @Bean
    @ConditionalOnEnabledHealthIndicator("zanith")
    @ConditionalOnMissingBean(name = "zanithHealthIndicator")
    public ZanithHealthIndicator zanithHealthIndicator(Zanith zanith, ZanithRuntime runtime, ZanithProperties properties) {
        return new ZanithHealthIndicator(zanith, runtime, properties);
    }
}
