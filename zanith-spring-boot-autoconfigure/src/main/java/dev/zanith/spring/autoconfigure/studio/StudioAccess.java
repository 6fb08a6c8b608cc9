package dev.zanith.spring.autoconfigure.studio;

import dev.zanith.studio.WriteAccess;
import org.springframework.boot.actuate.autoconfigure.endpoint.PropertiesEndpointAccessResolver;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.env.PropertySourcesPropertyResolver;
import org.springframework.util.ClassUtils;

/**
 * The Studio's write access is exactly {@code /actuator/zanith}'s: writes (apply, restore, purge) only when the
 * endpoint's access resolves to {@code unrestricted} ({@code management.endpoint.zanith.access}, capped by
 * {@code management.endpoints.access.max-permitted}); read-only by default, as the endpoint is. Without Actuator there
 * is no such rule to grant writes, so the Studio only reads.
 */
final class StudioAccess {

    static final String PROPERTY = "management.endpoint.zanith.access";

    private StudioAccess() {
    }

    static WriteAccess resolve(Environment environment) {
        if (!ClassUtils.isPresent("org.springframework.boot.actuate.endpoint.Access", StudioAccess.class.getClassLoader())) {
            return WriteAccess.denied("Writes are off: they follow /actuator/zanith's access rule, and Spring Boot "
                    + "Actuator is not on the classpath. Add spring-boot-starter-actuator and set " + PROPERTY
                    + "=unrestricted to apply, restore or purge here.");
        }
        return Resolver.resolve(environment);
    }

    /** The environment's properties read with Spring Boot's conversions ("unrestricted" to an enum), as binding does. */
    private static PropertyResolver withBootConversions(Environment environment) {
        if (environment instanceof ConfigurableEnvironment configurable) {
            PropertySourcesPropertyResolver resolver = new PropertySourcesPropertyResolver(
                    configurable.getPropertySources());
            resolver.setConversionService(new ApplicationConversionService());
            return resolver;
        }
        return environment;
    }

    /** Touches Actuator classes only when Actuator is present. */
    private static final class Resolver {
        static WriteAccess resolve(Environment environment) {
            Access access = new PropertiesEndpointAccessResolver(withBootConversions(environment))
                    .accessFor(EndpointId.of("zanith"), Access.READ_ONLY);
            if (access == Access.UNRESTRICTED) {
                return WriteAccess.allowed(PROPERTY + "=unrestricted");
            }
            return WriteAccess.denied("Writes are off: they follow /actuator/zanith's access rule, which is "
                    + access.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " here. Set " + PROPERTY
                    + "=unrestricted to apply, restore or purge from the Studio (gates still apply).");
        }
    }
}
