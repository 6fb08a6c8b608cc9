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
        replaysExactly(server, "CREATE TABLE accounts (id int, email text) WITH (fillfactor = 70);"
                + "GRANT SELECT ON accounts TO ${app}; GRANT UPDATE (email) ON accounts TO ${app} WITH GRANT OPTION;"
                + "CREATE INDEX accounts_email_idx ON accounts (email); COMMENT ON INDEX accounts_email_idx IS 'x';",
                live -> assertThat(live.grants()).hasSize(2));
    }

    /**
     * Default privileges replay too: PostgreSQL's built-in defaults revoked for every schema, and a grant by default to
     * a role that no object's grant names (the embedded shadow creates it all the same).
     */
    @Test
    void theEmbeddedShadowRecreatesRevokedBuiltInDefaultPrivileges(PostgresServer server) throws Exception {
        replaysExactly(server, "ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;"
                + "ALTER DEFAULT PRIVILEGES REVOKE USAGE ON TYPES FROM PUBLIC;"
                + "ALTER DEFAULT PRIVILEGES REVOKE TRUNCATE ON TABLES FROM CURRENT_USER;"
                + "ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO ${app};"
                + "CREATE FUNCTION add_one(i integer) RETURNS integer LANGUAGE sql AS 'SELECT i + 1';", live -> {
            assertThat(live.defaultPrivileges()).filteredOn(dev.zanith.api.schema.DefaultPrivilege::revoked).hasSize(3);
            assertThat(live.grants()).as("the function started without PUBLIC's EXECUTE").isEmpty();
        });
    }

    /**
     * Runs {@code ddl} (naming the role {@code ${app}}) in a new database, checks its graph with {@code live}, replays
     * it in an embedded shadow and reads back the same structure.
     */
    private static void replaysExactly(PostgresServer server, String ddl, java.util.function.Consumer<SchemaGraph> live)
            throws Exception {
        assumeTrue(ShadowProviders.isEmbeddedAvailable(), "no embedded PostgreSQL binaries for the shadow here");
        try (TestRoles roles = TestRoles.create(server, List.of("app")); TestDatabase db = server.createDatabase("target")) {
            db.execute(roles.sql(ddl));
            SchemaGraph graph;
            try (Connection c = db.connect()) {
                graph = new Introspector(PUBLIC).introspect(c).graph();
            }
            live.accept(graph);
            try (Shadow shadow = ShadowProviders.embedded().open()) {
                ShadowReplay replay = new ShadowReplay(shadow, PUBLIC);
                replay.recreate(graph);
                assertThat(SchemaComparison.compareStructure(graph, replay.introspect().graph())).isEmpty();
            }
        }
    }
}
