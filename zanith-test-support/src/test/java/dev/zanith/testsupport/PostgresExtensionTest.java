package dev.zanith.testsupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

@RealPostgres
class PostgresExtensionTest {

    static String classDatabase;

    @BeforeAll
    static void rememberClassDatabase(TestDatabase db) {
        classDatabase = db.name();
    }

    @Test
    void eachTestGetsItsOwnEmptyDatabase(TestDatabase db) throws Exception {
        assertThat(db.name()).isNotEqualTo(classDatabase);
        db.execute("CREATE TABLE t (id int)");
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_database(), count(*) FROM pg_class WHERE relname = 't'")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(db.name());
            assertThat(rs.getInt(2)).isEqualTo(1);
        }
    }

    @Test
    void aSecondTestDoesNotSeeTheFirstTestsTables(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_class WHERE relname = 't'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void embeddedServerIsPostgres18UnlessAnExternalServerIsConfigured(PostgresServer server) {
        if (server.isEmbedded()) {
            assertThat(server.majorVersion()).isEqualTo(18);
        } else {
            assertThat(server.majorVersion()).isBetween(14, 18);
        }
    }

    @Test
    void parsesAnAdminUrlAndKeepsExtraParameters() {
        JdbcUrl url = JdbcUrl.parse("jdbc:postgresql://db.example:6543/admin?user=me&password=p%40ss&sslmode=disable");
        assertThat(url.host()).isEqualTo("db.example");
        assertThat(url.port()).isEqualTo(6543);
        assertThat(url.database()).isEqualTo("admin");
        assertThat(url.user()).isEqualTo("me");
        assertThat(url.password()).isEqualTo("p@ss");
        assertThat(url.extraParameters()).isEqualTo("sslmode=disable");
    }
}
