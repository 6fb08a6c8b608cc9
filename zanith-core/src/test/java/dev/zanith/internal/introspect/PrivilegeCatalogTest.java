package dev.zanith.internal.introspect;

import dev.zanith.api.schema.Grant;
import dev.zanith.api.schema.ObjectComment;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.SchemaGraphJson;
import dev.zanith.api.schema.TableName;
import dev.zanith.testsupport.PostgresServer;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import dev.zanith.testsupport.TestRoles;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What introspection reads of privileges, object comments and table storage: exactly what a schema declares, nothing
 * the server or ownership implies, and nothing on an object the graph does not hold.
 */
@RealPostgres
class PrivilegeCatalogTest {

    private static SchemaGraph introspect(TestDatabase db, String... schemas) throws Exception {
        try (Connection c = db.connect()) {
            return new Introspector(IntrospectionOptions.of(List.of(schemas.length == 0 ? new String[]{"public"} : schemas)))
                    .introspect(c).graph();
        }
    }

    @Test
    void ownershipAndTheDatabasesOwnDefaultsAreNoGrants(TestDatabase db) throws Exception {
        // GRANT then REVOKE leaves a non-null ACL holding only the owner's implicit privileges
        db.execute("CREATE TABLE t (id int); CREATE SEQUENCE s; GRANT SELECT ON t TO PUBLIC; REVOKE SELECT ON t FROM PUBLIC;"
                + "COMMENT ON SCHEMA public IS 'standard public schema';");
        SchemaGraph graph = introspect(db);
        assertThat(graph.grants()).as("owner privileges, and PUBLIC's initial USAGE on schema public").isEmpty();
        assertThat(graph.comments()).as("initdb's comment on schema public").isEmpty();
    }

    @Test
    void grantsAreReadPerObjectGranteeAndPrivilege(PostgresServer server) throws Exception {
        try (TestRoles roles = TestRoles.create(server, List.of("app")); TestDatabase db = server.createDatabase("grants")) {
            String app = roles.name("app");
            db.execute(roles.sql("CREATE SCHEMA billing; CREATE TABLE billing.invoices (id int, total numeric);"
                    + "CREATE SEQUENCE billing.invoice_no;"
                    + "GRANT USAGE ON SCHEMA billing TO ${app}; GRANT SELECT, INSERT ON billing.invoices TO ${app};"
                    + "GRANT UPDATE ON billing.invoices TO ${app} WITH GRANT OPTION;"
                    + "GRANT SELECT (total) ON billing.invoices TO PUBLIC; GRANT USAGE ON SEQUENCE billing.invoice_no TO ${app};"));
            SchemaGraph graph = introspect(db, "billing");
            assertThat(graph.grants()).containsExactly(
                    new Grant("schema", "billing", null, null, app, "USAGE", false),
                    new Grant("sequence", "billing", "invoice_no", null, app, "USAGE", false),
                    new Grant("table", "billing", "invoices", null, app, "INSERT", false),
                    new Grant("table", "billing", "invoices", null, app, "SELECT", false),
                    new Grant("table", "billing", "invoices", null, app, "UPDATE", true),
                    new Grant("column", "billing", "invoices", "total", "PUBLIC", "SELECT", false));
            assertThat(SchemaGraphJson.fromJson(SchemaGraphJson.toJson(graph), "test")).isEqualTo(graph);
        }
    }

    @Test
    void aRoutineListsPublicsBuiltInExecuteUntilItIsRevokedAndNothingOfRoutinesTheGraphHidesOrExtensionsOwn(
            PostgresServer server) throws Exception {
        try (TestRoles roles = TestRoles.create(server, List.of("app")); TestDatabase db = server.createDatabase("fgrants")) {
            String app = roles.name("app");
            db.execute(roles.sql("CREATE EXTENSION pg_trgm;"
                    + "CREATE FUNCTION open_f(i integer) RETURNS integer LANGUAGE sql AS 'SELECT i';"
                    + "CREATE FUNCTION \"Closed F\"(a text, b int) RETURNS text LANGUAGE sql AS 'SELECT a';"
                    + "REVOKE EXECUTE ON FUNCTION \"Closed F\"(text, int) FROM PUBLIC;"
                    + "GRANT EXECUTE ON FUNCTION \"Closed F\"(text, int) TO ${app} WITH GRANT OPTION;"
                    + "CREATE PROCEDURE p() LANGUAGE sql AS 'SELECT 1';"
                    + "REVOKE ALL ON PROCEDURE p() FROM PUBLIC;"
                    + "CREATE TYPE span AS RANGE (subtype = integer);"));
            SchemaGraph graph = introspect(db);
            assertThat(graph.grants()).as("pg_trgm's functions and the range type's constructors are not the graph's")
                    .containsExactly(
                            new Grant("function", "public", "public.\"Closed F\"(text,integer)", null, app, "EXECUTE", true),
                            new Grant("function", "public", "public.open_f(integer)", null, "PUBLIC", "EXECUTE", false));
            assertThat(SchemaGraphJson.fromJson(SchemaGraphJson.toJson(graph), "test")).isEqualTo(graph);
        }
    }

    @Test
    void commentsAreReadOnlyOnObjectsTheGraphHolds(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE t (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text, "
                + "CONSTRAINT email_shape CHECK (email LIKE '%@%'));"
                + "CREATE INDEX t_email_idx ON t (email); CREATE SEQUENCE numbers;"
                + "COMMENT ON INDEX t_email_idx IS 'lookups'; COMMENT ON INDEX t_pkey IS 'the constraint''s index';"
                + "COMMENT ON CONSTRAINT email_shape ON t IS 'an address'; COMMENT ON SEQUENCE numbers IS 'counter';"
                + "COMMENT ON SEQUENCE t_id_seq IS 'identity sequence';");
        assertThat(introspect(db).comments()).as("not the index behind the primary key, nor the identity's sequence")
                .containsExactly(
                        new ObjectComment("index", "public", null, "t_email_idx", "lookups"),
                        new ObjectComment("sequence", "public", null, "numbers", "counter"),
                        new ObjectComment("constraint", "public", "t", "email_shape", "an address"));
    }

    /**
     * Comments on routines, triggers, policies, domains, composite and range types and statistics come from the same
     * query; a routine is named by its argument types as its signature spells them, and what an extension or a range
     * type owns (the range's constructor functions) or what the graph leaves out (a table's row type) brings none.
     */
    @Test
    void commentsOnRoutinesTriggersPoliciesTypesAndStatisticsAreRead(TestDatabase db) throws Exception {
        db.execute("""
                CREATE TABLE t (a int, b int);
                CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
                CREATE FUNCTION f(x int, y text DEFAULT 'q') RETURNS int LANGUAGE sql AS $$SELECT x$$;
                CREATE PROCEDURE p(IN x int, OUT y int) LANGUAGE plpgsql AS $$BEGIN y := x; END$$;
                CREATE TRIGGER t_touch BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION touch();
                CREATE POLICY t_own ON t USING (a > 0);
                CREATE STATISTICS t_ab ON a, b FROM t;
                CREATE DOMAIN d AS int; CREATE TYPE c AS (x int); CREATE TYPE r AS RANGE (subtype = float8);
                COMMENT ON FUNCTION f(int, text) IS 'f'; COMMENT ON PROCEDURE p(int) IS 'p';
                COMMENT ON TRIGGER t_touch ON t IS 'trigger'; COMMENT ON POLICY t_own ON t IS 'policy';
                COMMENT ON STATISTICS t_ab IS 'statistics'; COMMENT ON DOMAIN d IS 'domain';
                COMMENT ON TYPE c IS 'composite'; COMMENT ON TYPE r IS 'range'; COMMENT ON TYPE t IS 'row type';
                COMMENT ON FUNCTION r(float8, float8) IS 'constructor';
                """);
        SchemaGraph graph = introspect(db);
        assertThat(graph.comments()).containsExactly(
                new ObjectComment("compositeType", "public", null, "c", "composite"),
                new ObjectComment("domain", "public", null, "d", "domain"),
                new ObjectComment("function", "public", null, "f", "integer,text", "f"),
                new ObjectComment("procedure", "public", null, "p", "integer", "p"),
                new ObjectComment("rangeType", "public", null, "r", "range"),
                new ObjectComment("statistics", "public", null, "t_ab", "statistics"),
                new ObjectComment("policy", "public", "t", "t_own", "policy"),
                new ObjectComment("trigger", "public", "t", "t_touch", "trigger"));
        assertThat(graph.routine("public.f(integer,text)")).hasValueSatisfying(r ->
                assertThat(graph.comments().get(2).isOn(r)).isTrue());
        assertThat(SchemaGraphJson.fromJson(SchemaGraphJson.toJson(graph), "test")).isEqualTo(graph);
        assertThat(SchemaGraphJson.toJson(graph)).contains("\"integer,text\"");
    }

    /**
     * Comments on a domain's CHECK constraints and on the connected role's event triggers come from the same query: a
     * domain constraint carries its domain as its table, an event trigger no schema (absent from the JSON, read back
     * the same); a domain's NOT NULL and an event trigger whose function is outside the introspected schemas bring
     * none.
     */
    @Test
    void commentsOnDomainConstraintsAndEventTriggersAreRead(TestDatabase db) throws Exception {
        db.execute("""
                CREATE SCHEMA elsewhere;
                CREATE DOMAIN zip AS text NOT NULL CONSTRAINT zip_digits CHECK (VALUE ~ '^[0-9]+$')
                    CONSTRAINT "Zip Length" CHECK (length(VALUE) = 5);
                CREATE FUNCTION note() RETURNS event_trigger LANGUAGE plpgsql AS $$BEGIN END$$;
                CREATE FUNCTION elsewhere.note() RETURNS event_trigger LANGUAGE plpgsql AS $$BEGIN END$$;
                CREATE EVENT TRIGGER note_ddl ON ddl_command_end WHEN TAG IN ('CREATE TABLE') EXECUTE FUNCTION note();
                CREATE EVENT TRIGGER note_elsewhere ON sql_drop EXECUTE FUNCTION elsewhere.note();
                COMMENT ON CONSTRAINT zip_digits ON DOMAIN zip IS 'digits';
                COMMENT ON CONSTRAINT "Zip Length" ON DOMAIN zip IS 'five of them';
                COMMENT ON EVENT TRIGGER note_ddl IS 'notes new tables';
                COMMENT ON EVENT TRIGGER note_elsewhere IS 'not ours';
                DO $do$ DECLARE n text; BEGIN
                    SELECT conname INTO n FROM pg_constraint WHERE contypid = 'zip'::regtype AND contype = 'n';
                    IF n IS NOT NULL THEN EXECUTE format('COMMENT ON CONSTRAINT %I ON DOMAIN zip IS %L', n, 'not null');
                    END IF;
                END $do$;
                """);
        try {
            SchemaGraph graph = introspect(db);
            assertThat(graph.comments()).containsExactly(
                    new ObjectComment("eventTrigger", "", null, "note_ddl", "notes new tables"),
                    new ObjectComment("domainConstraint", "public", "zip", "Zip Length", "five of them"),
                    new ObjectComment("domainConstraint", "public", "zip", "zip_digits", "digits"));
            String json = SchemaGraphJson.toJson(graph);
            assertThat(SchemaGraphJson.fromJson(json, "test")).isEqualTo(graph);
            assertThat(json).contains("\"eventTrigger\"").doesNotContain("\"\"");
        } finally {
            // event triggers belong to the database, which other tests of this class may share
            db.execute("DROP EVENT TRIGGER note_ddl; DROP EVENT TRIGGER note_elsewhere");
        }
    }

    @Test
    void storageParametersOfTheTableAndItsToastTableAreRead(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE t (id int, body text) WITH (fillfactor = 70, autovacuum_enabled = false, "
                + "toast.autovacuum_enabled = false); CREATE UNLOGGED TABLE u (id int);");
        SchemaGraph graph = introspect(db);
        assertThat(graph.table(new TableName("public", "t")).orElseThrow().storageParameters())
                .containsExactly("autovacuum_enabled=false", "fillfactor=70", "toast.autovacuum_enabled=false");
        assertThat(graph.table(new TableName("public", "u")).orElseThrow().unlogged()).isTrue();
    }

    @Test
    void aGraphWrittenBeforeGrantsCommentsAndStorageWereModelledStillLoads() {
        String old = """
                {"format":"zanith.schema-graph/1","schemas":["public"],
                 "tables":[{"schema":"public","name":"t","columns":[{"name":"id","type":"integer"}]}]}
                """;
        SchemaGraph graph = SchemaGraphJson.fromJson(old, "old.json");
        assertThat(graph.grants()).isEmpty();
        assertThat(graph.comments()).isEmpty();
        assertThat(graph.tables().get(0).storageParameters()).isEmpty();
        assertThat(SchemaGraphJson.toCompactJson(graph)).as("nothing new is written for what is absent")
                .doesNotContain("grants", "comments", "storageParameters");
    }
}
