package dev.zanith.spring.autoconfigure;

import dev.zanith.Zanith;
import dev.zanith.ZanithConfig;
import dev.zanith.api.ApplyListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;

import javax.sql.DataSource;

/**
 * Zanith for a Spring Boot application: a {@link Zanith} built from {@code zanith.*} (then every
 * {@link ZanithConfigurationCustomizer}) over the application's DataSource (or a {@link ZanithDataSource}-qualified
 * one, or {@code zanith.url}/{@code zanith.user}), and a {@link ZanithMigrationInitializer} that plans and applies
 * at startup before any JDBC or JPA consumer is created. Backs off without a DataSource, with
 * {@code zanith.enabled=false}, or when the application defines its own {@link Zanith} bean. Also imported by the
 * JDBC and JPA test slices ({@code @JdbcTest}, {@code @DataJpaTest}, ...), so they run on a migrated database.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, TaskExecutionAutoConfiguration.class})
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

    @Bean
    @ConditionalOnMissingBean
    public ZanithMigrator zanithMigrator(Zanith zanith, ZanithRuntime runtime, ObjectProvider<ApplyListener> listeners) {
        return new ZanithMigrator(zanith, runtime, listeners.orderedStream().toList());
    }

    @Bean
    @ConditionalOnBooleanProperty("zanith.background-long-running")
    @ConditionalOnMissingBean
    public ZanithBackgroundMigrations zanithBackgroundMigrations(
            @Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) ObjectProvider<TaskExecutor> executor,
            ZanithRuntime runtime, ApplicationEventPublisher publisher, ObjectProvider<ApplicationAvailability> availability) {
        return new ZanithBackgroundMigrations(executor.getIfAvailable(() -> new SimpleAsyncTaskExecutor("zanith-")),
                runtime, publisher, availability.getIfAvailable());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(Zanith.class)
    static class ZanithConfiguration {

        @Bean
        @Conditional(ZanithConnectionPropertiesCondition.class)
        @ConditionalOnMissingBean(ZanithConnectionDetails.class)
        PropertiesZanithConnectionDetails zanithConnectionDetails(ZanithProperties properties,
                                                                  ObjectProvider<JdbcConnectionDetails> application) {
            return new PropertiesZanithConnectionDetails(properties, application.getIfAvailable());
        }

        @Bean
        Zanith zanith(ZanithProperties properties, ObjectProvider<DataSource> dataSource,
                      @ZanithDataSource ObjectProvider<DataSource> zanithDataSource,
                      ObjectProvider<ZanithConnectionDetails> connectionDetails, ResourceLoader resourceLoader,
                      ObjectProvider<ZanithConfigurationCustomizer> customizers) {
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
            ZanithConfigurations.apply(properties, config, new SpringResourceMigrationSource(properties.getLocations(),
                    ResourcePatternUtils.getResourcePatternResolver(resourceLoader)));
            customizers.orderedStream().forEach(customizer -> customizer.customize(config));
            return new Zanith(config.build());
        }

        @Bean
        @ConditionalOnMissingBean
        ZanithMigrationInitializer zanithMigrationInitializer(Zanith zanith, ObjectProvider<ZanithMigrationStrategy> strategy,
                                                              ZanithProperties properties, ZanithMigrator migrator,
                                                              ObjectProvider<ZanithBackgroundMigrations> background) {
            return new ZanithMigrationInitializer(zanith, strategy.getIfAvailable(() ->
                    new ZanithStartup(properties, migrator, background.getIfAvailable())));
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

    /** {@code zanith.url} or {@code zanith.user}: a connection of Zanith's own (the user alone: to the app's URL). */
    static final class ZanithConnectionPropertiesCondition extends AnyNestedCondition {

        ZanithConnectionPropertiesCondition() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(name = "zanith.url")
        private static final class UrlCondition {
        }

        @ConditionalOnProperty(name = "zanith.user")
        private static final class UserCondition {
        }
    }
}
