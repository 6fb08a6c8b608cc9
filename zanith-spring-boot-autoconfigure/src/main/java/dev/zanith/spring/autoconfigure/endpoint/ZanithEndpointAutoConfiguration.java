package dev.zanith.spring.autoconfigure.endpoint;

import dev.zanith.spring.autoconfigure.ZanithAutoConfiguration;
import dev.zanith.spring.autoconfigure.ZanithMigrator;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** {@code /actuator/zanith} when Actuator is present and the endpoint is available. */
@AutoConfiguration(after = ZanithAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnAvailableEndpoint(ZanithEndpoint.class)
public class ZanithEndpointAutoConfiguration {

    @Bean
    @ConditionalOnBean(ZanithMigrator.class)
    @ConditionalOnMissingBean
    public ZanithEndpoint zanithEndpoint(ZanithMigrator migrator) {
        return new ZanithEndpoint(migrator);
    }
}
