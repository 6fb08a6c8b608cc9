package dev.zanith.spring.autoconfigure;

import dev.zanith.Zanith;
import dev.zanith.ZanithConfig;
import dev.zanith.apply.ApplyListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;

import javax.sql.DataSource;

/**
 * Zanith for a Spring Boot application: a {@link Zanith} built from {@code zanith.*} over the application's
 * DataSource (or a {@link ZanithDataSource}-qualified one, or {@code zanith.url}), and a
 * {@link ZanithMigrationInitializer} that plans and applies at startup before any JDBC or JPA consumer is
 * created. Backs off without a DataSource, with {@code zanith.enabled=false}, or when the application defines
 * its own {@link Zanith} bean.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(Zanith.class)
@Conditional(ZanithAutoConfiguration.ZanithDataSourceCondition.class)
@ConditionalOnBooleanProperty(name = "zanith.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ZanithProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public class ZanithAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public ZanithRuntime zanithRuntime() {
        return new ZanithRuntime();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(Zanith.class)
    static class ZanithConfiguration {

        @Bean
        @ConditionalOnProperty(name = "zanith.url")
        @ConditionalOnMissingBean(ZanithConnectionDetails.class)
        PropertiesZanithConnectionDetails zanithConnectionDetails(ZanithProperties properties) {
            return new PropertiesZanithConnectionDetails(properties);
        }

        @Bean
        Zanith zanith(ZanithProperties properties, ObjectProvider<DataSource> dataSource,
                      @ZanithDataSource ObjectProvider<DataSource> zanithDataSource,
                      ObjectProvider<ZanithConnectionDetails> connectionDetails, ResourceLoader resourceLoader) {
            ZanithConfig.Builder config = ZanithConfig.builder();
            DataSource own = zanithDataSource.getIfAvailable();
            ZanithConnectionDetails details = connectionDetails.getIfAvailable();
            if (own != null) {
                config.dataSource(own);
            } else if (details != null) {
                config.url(details.getJdbcUrl()).user(details.getUsername()).password(details.getPassword());
            } else {
                config.dataSource(dataSource.getObject());
            }
            return new Zanith(ZanithConfigurations.apply(properties, config,
                    new SpringResourceMigrationSource(properties.getLocations(),
                            ResourcePatternUtils.getResourcePatternResolver(resourceLoader))).build());
        }

        @Bean
        @ConditionalOnMissingBean
        ZanithMigrationInitializer zanithMigrationInitializer(Zanith zanith, ObjectProvider<ZanithMigrationStrategy> strategy,
                                                              ZanithProperties properties, ZanithRuntime runtime,
                                                              ObjectProvider<ApplyListener> listeners) {
            return new ZanithMigrationInitializer(zanith, strategy.getIfAvailable(() ->
                    new ZanithStartup(properties, runtime, listeners.orderedStream().toList())));
        }
    }

    /** A DataSource bean, {@code zanith.url}, or connection details: something to migrate. */
    static final class ZanithDataSourceCondition extends AnyNestedCondition {

        ZanithDataSourceCondition() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBean(DataSource.class)
        private static final class DataSourceBeanCondition {
        }

        @ConditionalOnProperty(name = "zanith.url")
        private static final class ZanithUrlCondition {
        }

        @ConditionalOnBean(ZanithConnectionDetails.class)
        private static final class ConnectionDetailsCondition {
        }
    }
}
