package dev.zanith.spring.autoconfigure.studio;

import dev.zanith.api.ApplyListener;
import dev.zanith.api.output.ApplyResult;
import dev.zanith.api.output.PurgeResult;
import dev.zanith.api.output.RestoreResult;
import dev.zanith.spring.autoconfigure.StarterMessages;
import dev.zanith.spring.autoconfigure.ZanithAutoConfiguration;
import dev.zanith.spring.autoconfigure.ZanithMigrator;
import dev.zanith.spring.autoconfigure.ZanithProperties;
import dev.zanith.studio.Studio;
import dev.zanith.studio.StudioActions;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Zanith Studio in the application: off unless {@code zanith.studio.enabled=true}, then served by Spring MVC under
 * {@code zanith.studio.path} (default {@code /zanith}), reading through the same facade as {@code /actuator/zanith}
 * and writing only when that endpoint's access is {@code unrestricted} (see {@link StudioAccess}).
 */
@AutoConfiguration(after = ZanithAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({DispatcherServlet.class, Studio.class})
@ConditionalOnBooleanProperty("zanith.studio.enabled")
public class ZanithStudioAutoConfiguration {

    @Bean
    @ConditionalOnBean(ZanithMigrator.class)
    @ConditionalOnMissingBean
    public ZanithStudioController zanithStudioController(ZanithMigrator migrator, ZanithProperties properties,
                                                         Environment environment) {
        Studio studio = new Studio(migrator.zanith(), actions(migrator), StudioAccess.resolve(environment),
                "application", StarterMessages::forStarter);
        return new ZanithStudioController(studio, properties.getStudio().getPath());
    }

    /** Writes through the migrator, so that the runtime state, listeners and metrics see them as the endpoint's do. */
    private static StudioActions actions(ZanithMigrator migrator) {
        return new StudioActions() {
            @Override
            public ApplyResult apply(ApplyListener listener) {
                return migrator.apply(migration -> false, listener);
            }

            @Override
            public RestoreResult restore(String artifactId, boolean acceptChangedData) {
                return migrator.restore(artifactId, acceptChangedData);
            }

            @Override
            public PurgeResult purge(String artifactId) {
                return migrator.purge(artifactId);
            }
        };
    }
}
