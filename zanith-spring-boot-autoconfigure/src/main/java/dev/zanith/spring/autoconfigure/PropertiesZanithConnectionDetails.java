package dev.zanith.spring.autoconfigure;

import dev.zanith.api.exception.ZanithConfigException;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * {@link ZanithConnectionDetails} from {@code zanith.url}, {@code zanith.user} and {@code zanith.password}. With a
 * user but no URL, Zanith connects to the application's database (the JDBC URL of its auto-configured DataSource)
 * as that user, as Spring Boot's Flyway integration does with {@code spring.flyway.user}; the password is then
 * {@code zanith.password} alone.
 */
final class PropertiesZanithConnectionDetails implements ZanithConnectionDetails {

    private final ZanithProperties properties;
    private final JdbcConnectionDetails application;

    /** @param application the application's JDBC connection details, or null when its DataSource is its own bean */
    PropertiesZanithConnectionDetails(ZanithProperties properties, JdbcConnectionDetails application) {
        this.properties = properties;
        this.application = application;
    }

    @Override
    public String getJdbcUrl() {
        if (properties.getUrl() != null) {
            return properties.getUrl();
        }
        if (application == null) {
            throw new ZanithConfigException("zanith.user is set without zanith.url, and the application's DataSource is "
                    + "its own bean, so its JDBC URL is unknown to Zanith. Set zanith.url as well.");
        }
        return application.getJdbcUrl();
    }

    @Override
    public String getUsername() {
        return properties.getUser();
    }

    @Override
    public String getPassword() {
        return properties.getPassword();
    }
}
