package dev.zanith.internal.jdbc;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcUrlsWithDatabaseTest {

    @Test
    void replacesOnlyTheDatabase() {
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db:5432/app?user=u&password=p&ssl=true", "shadow"))
                .isEqualTo("jdbc:postgresql://db:5432/shadow?user=u&password=p&ssl=true");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://h1:5432,h2:5433/app", "shadow"))
                .isEqualTo("jdbc:postgresql://h1:5432,h2:5433/shadow");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db", "shadow")).isEqualTo("jdbc:postgresql://db/shadow");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db/?user=u", "shadow"))
                .isEqualTo("jdbc:postgresql://db/shadow?user=u");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql:app?user=u", "shadow"))
                .isEqualTo("jdbc:postgresql:shadow?user=u");
        assertThat(JdbcUrls.withDatabase("postgres://u:p@db:5433/app", "shadow"))
                .isEqualTo("jdbc:postgresql://db:5433/shadow?user=u&password=p");
    }

    @Test
    void encodesNamesThatNeedIt() {
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db/app", "my db/ü?"))
                .isEqualTo("jdbc:postgresql://db/my%20db%2F%C3%BC%3F");
        assertThatThrownBy(() -> JdbcUrls.withDatabase("jdbc:postgresql://db/app", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aUserGivenApartFromTheUrlWinsOverTheUrlsOwn() {
        assertThat(JdbcUrls.withoutUser("jdbc:postgresql://db/app?user=postgres&password=pw&sslmode=require"))
                .isEqualTo("jdbc:postgresql://db/app?sslmode=require");
        assertThat(JdbcUrls.withoutUser("jdbc:postgresql://db/app?password=secret"))
                .as("a password without a user in the URL is the given user's").isEqualTo("jdbc:postgresql://db/app?password=secret");
        assertThat(ConnectionSource.of("jdbc:postgresql://db/app?user=postgres", "migrator", null).describeTarget())
                .isEqualTo("jdbc:postgresql://db/app");
    }

    @Test
    void aDataSourceCannotBeRepointed() {
        ConnectionSource fromUrl = ConnectionSource.of("jdbc:postgresql://db/app?password=secret", "u", null);
        assertThat(fromUrl.hasUrl()).isTrue();
        assertThat(fromUrl.withDatabase("other").describeTarget()).isEqualTo("jdbc:postgresql://db/other?password=***");
        ConnectionSource fromDataSource = ConnectionSource.of(new org.postgresql.ds.PGSimpleDataSource());
        assertThat(fromDataSource.hasUrl()).isFalse();
        assertThatThrownBy(() -> fromDataSource.withDatabase("other"))
                .isInstanceOf(dev.zanith.api.exception.ZanithConfigException.class)
                .hasMessageContaining("configure Zanith with a JDBC URL");
    }
}
