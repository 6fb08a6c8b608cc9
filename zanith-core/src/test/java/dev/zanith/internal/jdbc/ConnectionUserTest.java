package dev.zanith.internal.jdbc;

import dev.zanith.TestSettings;
import dev.zanith.ZanithConfig;
import dev.zanith.api.exception.ZanithConfigException;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 15: {@code --user} wins over the URL's {@code user=}, and a URL must name its database. */
@RealPostgres
class ConnectionUserTest {

    @Test
    void theUserGivenApartFromTheUrlIsTheOneThatConnects(TestDatabase db) throws Exception {
        String role = "zt_migrator_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        db.execute("CREATE ROLE " + role + " LOGIN");
        try {
            assertThat(db.jdbcUrl()).contains("user=");
            ZanithConfig config = ZanithConfig.builder().url(db.jdbcUrl()).user(role).build();
            try (Connection c = TestSettings.of(config).connectionSource().open(); ResultSet rs = c.createStatement()
                    .executeQuery("SELECT current_user")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(role);
            }
        } finally {
            db.execute("DROP ROLE " + role);
        }
    }

    @Test
    void aUrlWithoutADatabaseIsRefused() {
        for (String url : new String[] {"jdbc:postgresql://localhost:5432/", "jdbc:postgresql://localhost:5432",
                "jdbc:postgresql://localhost/?user=app", "postgres://app@localhost:5432"}) {
            assertThatThrownBy(() -> ZanithConfig.builder().url(url).build()).as(url)
                    .isInstanceOf(ZanithConfigException.class).hasMessageContaining("names no database");
        }
        assertThat(TestSettings.of(ZanithConfig.builder().url("jdbc:postgresql://localhost:5432/app").build()).connectionSource()
                .describeTarget()).isEqualTo("jdbc:postgresql://localhost:5432/app");
    }
}
