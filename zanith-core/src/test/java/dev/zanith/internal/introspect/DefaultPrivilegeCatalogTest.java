package dev.zanith.internal.introspect;

import dev.zanith.api.schema.DefaultPrivilege;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.SchemaGraphJson;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What introspection reads of the connected role's default privileges: what goes beyond PostgreSQL's built-in
 * defaults, and the built-in defaults the all-schemas rows took away ({@link DefaultPrivilege#revoked()}).
 */
@RealPostgres
class DefaultPrivilegeCatalogTest {

    private static SchemaGraph introspect(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            return new Introspector(IntrospectionOptions.of(List.of("public"))).introspect(c).graph();
        }
    }

    @Test
    void builtInDefaultsRevokedForEverySchemaAreReadAsRevokedEntries(TestDatabase db) throws Exception {
        db.execute("ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON ROUTINES FROM PUBLIC;"
                + "ALTER DEFAULT PRIVILEGES REVOKE USAGE ON TYPES FROM PUBLIC;"
                + "ALTER DEFAULT PRIVILEGES REVOKE DELETE, TRUNCATE ON TABLES FROM CURRENT_USER;"
                // every entry revoked: the row's list is empty
                + "ALTER DEFAULT PRIVILEGES REVOKE ALL ON SCHEMAS FROM CURRENT_USER;"
                // beyond the built-in defaults, limited to a schema: a granted entry as before
                + "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON SEQUENCES TO PUBLIC;");
        SchemaGraph graph = introspect(db);
        assertThat(graph.defaultPrivileges()).containsExactly(
                DefaultPrivilege.revoked("functions", "PUBLIC", "EXECUTE"),
                DefaultPrivilege.revoked("schemas", DefaultPrivilege.SELF, "CREATE"),
                DefaultPrivilege.revoked("schemas", DefaultPrivilege.SELF, "USAGE"),
                DefaultPrivilege.revoked("tables", DefaultPrivilege.SELF, "DELETE"),
                DefaultPrivilege.revoked("tables", DefaultPrivilege.SELF, "TRUNCATE"),
                DefaultPrivilege.revoked("types", "PUBLIC", "USAGE"),
                new DefaultPrivilege("public", "sequences", "PUBLIC", "SELECT", false));
        String json = SchemaGraphJson.toJson(graph);
        assertThat(json).contains("\"revoked\" : true");
        assertThat(SchemaGraphJson.fromJson(json, "test")).isEqualTo(graph);
    }

    /**
     * Limited to a schema, a revoke of a built-in default is accepted and changes nothing: no row is written, so
     * nothing is read (PostgreSQL merges per-schema rows into the all-schemas one; they can only add to it).
     */
    @Test
    void aBuiltInDefaultRevokedInOneSchemaWritesNoRow(TestDatabase db) throws Exception {
        db.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;"
                + "ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE ON TYPES FROM PUBLIC;"
                + "ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM CURRENT_USER;");
        assertThat(db.queryForLong("SELECT count(*) FROM pg_catalog.pg_default_acl")).isZero();
        assertThat(introspect(db).defaultPrivileges()).isEmpty();
        db.execute("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';");
        assertThat(db.queryForLong("SELECT count(*) FROM pg_catalog.pg_proc WHERE proname = 'f' AND proacl IS NULL"))
                .as("the function starts with the built-in ACL, PUBLIC's EXECUTE included").isEqualTo(1);
    }

    /** Granting a revoked built-in default back leaves no row: the graph is as if it had never been revoked. */
    @Test
    void aBuiltInDefaultGrantedBackLeavesNothing(TestDatabase db) throws Exception {
        SchemaGraph untouched = introspect(db);
        db.execute("ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;"
                + "ALTER DEFAULT PRIVILEGES REVOKE SELECT ON SEQUENCES FROM CURRENT_USER;"
                + "ALTER DEFAULT PRIVILEGES GRANT EXECUTE ON FUNCTIONS TO PUBLIC;"
                + "ALTER DEFAULT PRIVILEGES GRANT SELECT ON SEQUENCES TO CURRENT_USER;");
        SchemaGraph graph = introspect(db);
        assertThat(graph.defaultPrivileges()).isEmpty();
        assertThat(SchemaGraphJson.toCompactJson(graph)).isEqualTo(SchemaGraphJson.toCompactJson(untouched));
    }

    /**
     * PostgreSQL's quirk: an all-schemas row whose list is empty (every entry revoked) is taken for no row when an
     * object is created, so the table starts with the built-in ACL; the row is there, and so are the revoked entries.
     */
    @Test
    void anEmptyAllSchemasRowIsReadThoughNewObjectsIgnoreIt(TestDatabase db) throws Exception {
        db.execute("ALTER DEFAULT PRIVILEGES REVOKE ALL ON TABLES FROM CURRENT_USER; CREATE TABLE t (id int);");
        assertThat(db.queryForLong("SELECT count(*) FROM pg_catalog.pg_default_acl WHERE cardinality(defaclacl) = 0"))
                .isEqualTo(1);
        assertThat(db.queryForLong("SELECT count(*) FROM pg_catalog.pg_class WHERE relname = 't' AND relacl IS NULL"))
                .isEqualTo(1);
        assertThat(introspect(db).defaultPrivileges()).allMatch(DefaultPrivilege::revoked)
                .extracting(DefaultPrivilege::privilege).contains("DELETE", "SELECT", "TRUNCATE");
    }
}
