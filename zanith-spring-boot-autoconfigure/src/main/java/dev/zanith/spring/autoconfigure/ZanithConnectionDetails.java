package dev.zanith.spring.autoconfigure;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where Zanith connects when it must not use the application's DataSource: from {@code zanith.url}, or from a
 * bean (a Testcontainers {@code @ServiceConnection} integration, for instance).
 */
public interface ZanithConnectionDetails extends ConnectionDetails {

    /** A {@code jdbc:postgresql:} (or {@code postgres://}) URL. */
    String getJdbcUrl();

    default String getUsername() {
        return null;
    }

    default String getPassword() {
        return null;
    }
}
