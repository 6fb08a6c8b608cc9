package dev.zanith.internal.verify;

import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.internal.introspect.IntrospectionOptions;
import dev.zanith.internal.introspect.Introspector;
import dev.zanith.internal.shadow.Shadow;
import dev.zanith.internal.shadow.ShadowProviders;
import dev.zanith.testsupport.PostgresServer;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import dev.zanith.testsupport.TestRoles;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The shadows replay what the live schema grants: the embedded one, a private server, gets the roles it needs. */
@RealPostgres
class PrivilegeShadowTest {

    private static final IntrospectionOptions PUBLIC = IntrospectionOptions.of(List.of("public"));

    @Test
    void theEmbeddedShadowRecreatesGrantsToRolesOnlyTheTargetHas(PostgresServer server) throws Exception {
        assumeTrue(ShadowProviders.isEmbeddedAvailable(), "no embedded PostgreSQL binaries for the shadow here");
        try (TestRoles roles = TestRoles.create(server, List.of("app")); TestDatabase db = server.createDatabase("target")) {
            db.execute(roles.sql("CREATE TABLE accounts (id int, email text) WITH (fillfactor = 70);"
                    + "GRANT SELECT ON accounts TO ${app}; GRANT UPDATE (email) ON accounts TO ${app} WITH GRANT OPTION;"
                    + "CREATE INDEX accounts_email_idx ON accounts (email); COMMENT ON INDEX accounts_email_idx IS 'x';"));
            SchemaGraph live;
            try (Connection c = db.connect()) {
                live = new Introspector(PUBLIC).introspect(c).graph();
            }
            assertThat(live.grants()).hasSize(2);
            try (Shadow shadow = ShadowProviders.embedded().open()) {
                ShadowReplay replay = new ShadowReplay(shadow, PUBLIC);
                replay.recreate(live);
                assertThat(SchemaComparison.compareStructure(live, replay.introspect().graph())).isEmpty();
            }
        }
    }
}
