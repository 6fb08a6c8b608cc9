package dev.zanith.spring.autoconfigure.metrics;

import dev.zanith.Zanith;
import dev.zanith.spring.autoconfigure.ZanithAutoConfiguration;
import dev.zanith.spring.autoconfigure.ZanithRuntime;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Micrometer meters for Zanith when the application has Micrometer. */
@AutoConfiguration(after = ZanithAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({Zanith.class, MeterRegistry.class})
public class ZanithMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public ZanithMetrics zanithMetrics(Zanith zanith, ObjectProvider<ZanithRuntime> runtime, MeterRegistry registry) {
        return new ZanithMetrics(zanith, runtime.getIfAvailable(), registry);
    }
}
