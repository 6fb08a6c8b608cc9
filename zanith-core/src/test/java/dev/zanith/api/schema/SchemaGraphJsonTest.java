package dev.zanith.api.schema;

import dev.zanith.TestSchemas;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.introspect.IntrospectionOptions;
import dev.zanith.internal.introspect.Introspector;
import dev.zanith.internal.Checksums;
import dev.zanith.testsupport.PostgresServer;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@RealPostgres
class SchemaGraphJsonTest {

    static final String RICH_SCHEMA = TestSchemas.RICH;

    static LiveSchema introspect(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            return new Introspector(IntrospectionOptions.of(List.of("app", "public"))).introspect(c);
        }
    }

    @Test
    void jsonRoundTripGivesAnEqualGraph(TestDatabase db) throws Exception {
        db.execute(RICH_SCHEMA);
        SchemaGraph graph = introspect(db).graph();
        String json = SchemaGraphJson.toJson(graph);
        assertThat(json).startsWith("{\n  \"format\" : \"" + SchemaGraphJson.FORMAT + "\"");
        SchemaGraph back = SchemaGraphJson.fromJson(json, "test.json");
        assertThat(back).isEqualTo(graph);
        assertThat(SchemaGraphJson.toJson(back)).isEqualTo(json);
    }

    @Test
    void routineAndViewDependenciesComeFromPgDependAndAreLeftOutWhenEmpty(TestDatabase db, PostgresServer server)
            throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(server.majorVersion() >= 14,
                "SQL-standard function bodies (RETURN expr) exist from PostgreSQL 14; this server is " + server.majorVersion());
        db.execute("CREATE SCHEMA app; CREATE FUNCTION plus_one(a int) RETURNS int LANGUAGE sql RETURN a + 1;"
                + "CREATE FUNCTION twice() RETURNS int LANGUAGE sql RETURN plus_one(1) * 2;"
                + "CREATE FUNCTION as_string() RETURNS int LANGUAGE sql AS $$ SELECT plus_one(2) $$;"
                + "CREATE VIEW v AS SELECT twice() AS n, abs(-1) AS m;");
        SchemaGraph graph = introspect(db).graph();
        assertThat(graph.routine("public.twice()")).get().extracting(Routine::dependsOn)
                .isEqualTo(List.of("public.plus_one(integer)"));
        assertThat(graph.routine("public.as_string()")).get().extracting(Routine::dependsOn)
                .as("a string body records no dependency").isEqualTo(List.of());
        assertThat(graph.view(new TableName("public", "v"))).get().extracting(View::routines)
                .as("only routines of the introspected schemas, not abs()").isEqualTo(List.of("public.twice()"));
        String json = SchemaGraphJson.toJson(graph);
        assertThat(json.split("\"dependsOn\" : \\[ \"public.plus_one", -1)).as("one routine has dependencies").hasSize(2);
        assertThat(json).contains("\"routines\" : [ \"public.twice()\" ]");
        assertThat(SchemaGraphJson.fromJson(json, "test.json")).isEqualTo(graph);
    }

    @Test
    void sameDatabaseTwiceGivesByteIdenticalJsonAndTheSameFingerprint(TestDatabase db) throws Exception {
        db.execute(RICH_SCHEMA);
        LiveSchema first = introspect(db);
        db.execute("INSERT INTO app.accounts (email) VALUES ('a@b.c'); ANALYZE app.accounts;");
        LiveSchema second = introspect(db);
        assertThat(SchemaGraphJson.toCompactJson(second.graph())).isEqualTo(SchemaGraphJson.toCompactJson(first.graph()));
        assertThat(second.fingerprint()).isEqualTo(first.fingerprint()).startsWith("sha256:").hasSize(71);
        assertThat(second.statistics()).as("statistics changed but are not part of the graph")
                .isNotEqualTo(first.statistics());
    }

    @Test
    void twoDatabasesBuiltFromTheSameDdlGiveTheSameFingerprint(PostgresServer server) throws Exception {
        try (TestDatabase a = server.createDatabase("fp_a"); TestDatabase b = server.createDatabase("fp_b")) {
            a.execute(RICH_SCHEMA);
            b.execute(RICH_SCHEMA);
            assertThat(introspect(b).fingerprint()).isEqualTo(introspect(a).fingerprint());
        }
    }

    @Test
    void anyChangeInAColumnChangesTheFingerprint(TestDatabase db) throws Exception {
        db.execute(RICH_SCHEMA);
        String before = introspect(db).fingerprint();
        db.execute("ALTER TABLE app.accounts ALTER COLUMN \"Display Name\" TYPE varchar(80)");
        String afterType = introspect(db).fingerprint();
        db.execute("ALTER TABLE app.orders ALTER COLUMN total DROP NOT NULL");
        String afterNullability = introspect(db).fingerprint();
        db.execute("ALTER TABLE app.orders ALTER COLUMN total SET DEFAULT 0");
        String afterDefault = introspect(db).fingerprint();
        db.execute("COMMENT ON COLUMN app.orders.total IS 'gross'");
        String afterComment = introspect(db).fingerprint();
        assertThat(List.of(before, afterType, afterNullability, afterDefault, afterComment)).doesNotHaveDuplicates();
    }

    @Test
    void yamlFormOfTheSameStructureReadsToTheSameGraph(TestDatabase db) throws Exception {
        db.execute(RICH_SCHEMA);
        SchemaGraph graph = introspect(db).graph();
        String yaml = tools.jackson.dataformat.yaml.YAMLMapper.builder().build()
                .writeValueAsString(new tools.jackson.databind.json.JsonMapper().readTree(SchemaGraphJson.toJson(graph)));
        assertThat(SchemaGraphJson.fromYaml(yaml, "schema.yaml")).isEqualTo(graph);
    }

    @Test
    void malformedJsonNamesTheFileAndLine() {
        String json = """
                {
                  "format" : "zanith.schema-graph/1",
                  "tables" : [ { "schema" : "public", "name" : "t", "colums" : [] } ]
                }
                """;
        assertThatThrownBy(() -> SchemaGraphJson.fromJson(json, "declared.json"))
                .isInstanceOf(ZanithException.class)
                .hasMessageContaining("declared.json")
                .hasMessageContaining("colums")
                .hasMessageContaining("line 3");
    }

    @Test
    void wrongFormatIsRefused() {
        assertThatThrownBy(() -> SchemaGraphJson.fromJson("{\"format\":\"other/9\"}", "x.json"))
                .isInstanceOf(ZanithException.class)
                .hasMessageContaining("unsupported schema graph format 'other/9'");
    }

    /** Every kind the graph models, beyond {@link #RICH_SCHEMA}. */
    static final String EVERY_OTHER_KIND = """
            CREATE DOMAIN app.email AS text NOT NULL CONSTRAINT email_shape CHECK (VALUE LIKE '%@%');
            CREATE TYPE app.address AS (street text, zip varchar(10));
            CREATE TYPE app.floatrange AS RANGE (subtype = float8);
            CREATE TABLE app.bookings (id int, contact app.email, home app.address, during tsrange,
                CONSTRAINT bookings_no_overlap EXCLUDE USING gist (during WITH &&));
            CREATE STATISTICS app.bookings_stats (ndistinct) ON id, contact FROM app.bookings;
            CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
            CREATE TRIGGER bookings_touch BEFORE UPDATE ON app.bookings FOR EACH ROW EXECUTE FUNCTION app.touch();
            CREATE VIEW app.open_orders AS SELECT id, total FROM app.orders WHERE total > 0;
            CREATE MATERIALIZED VIEW app.order_totals AS SELECT account_id, sum(total) AS total FROM app.orders
                GROUP BY account_id WITH NO DATA;
            CREATE TABLE app.events (id bigint, at date NOT NULL) PARTITION BY RANGE (at);
            CREATE TABLE app.events_2026 PARTITION OF app.events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
            ALTER TABLE app.orders SET (fillfactor = 80);
            GRANT SELECT ON app.orders TO PUBLIC;
            COMMENT ON INDEX app.orders_account IS 'by account';
            """;

    @Test
    void compactJsonIsTheTreeFormByteForByteAsTablesChange(TestDatabase db) throws Exception {
        db.execute(RICH_SCHEMA + EVERY_OTHER_KIND);
        SchemaGraph first = introspect(db).graph();
        assertThat(first.views()).hasSize(2);
        assertThat(first.routines()).isNotEmpty();
        assertThat(first.grants()).isNotEmpty();
        String reference = SchemaGraphJson.treeCompactJson(first);
        assertThat(SchemaGraphJson.toCompactJson(first)).isEqualTo(reference);
        assertThat(SchemaGraphJson.toCompactJson(first)).as("written again from the cache").isEqualTo(reference);
        assertThat(SchemaGraphJson.toCompactJson(SchemaGraphJson.fromJson(reference, "test.json")))
                .as("equal tables read back").isEqualTo(reference);

        db.execute("ALTER TABLE app.orders ADD COLUMN note text; CREATE INDEX orders_note ON app.orders (note);"
                + "COMMENT ON COLUMN app.orders.note IS 'Notiz — café ☕ 𝄞 (two, three and four UTF-8 bytes)';");
        SchemaGraph second = introspect(db).graph();
        assertThat(SchemaGraphJson.toCompactJson(second)).isEqualTo(SchemaGraphJson.treeCompactJson(second))
                .isNotEqualTo(reference).contains("orders_note");
        SchemaGraph oneTable = SchemaGraph.empty().withTables(List.of(second.tables().get(0)));
        assertThat(SchemaGraphJson.toCompactJson(oneTable)).isEqualTo(SchemaGraphJson.treeCompactJson(oneTable));
        for (SchemaGraph graph : List.of(first, second, oneTable, SchemaGraph.empty())) {
            assertThat(SchemaGraphJson.fingerprint(graph)).as("digested as written: the SHA-256 of the compact form")
                    .isEqualTo(Checksums.sha256(SchemaGraphJson.treeCompactJson(graph)));
        }
        assertThat(SchemaGraphJson.partToCompactJson(second.views()))
                .isEqualTo(reference.substring(reference.indexOf("\"views\":") + 8, reference.indexOf(",\"routines\"")));
    }

    @Test
    void emptyGraphHasAStableForm() {
        assertThat(SchemaGraphJson.toCompactJson(SchemaGraph.empty())).isEqualTo("{\"format\":\"zanith.schema-graph/1\"}");
        assertThat(SchemaGraph.empty().summary()).isEqualTo("0 models · 0 fields · 0 relation edges");
    }

    /** Domains, composite and range types, exclusion constraints and statistics round-trip in canonical order. */
    @Test
    void typesExclusionConstraintsAndStatisticsRoundTrip(TestDatabase db) throws Exception {
        db.execute("""
                CREATE SCHEMA app;
                CREATE DOMAIN public.email AS text COLLATE "C" DEFAULT 'x@y.z' NOT NULL
                    CONSTRAINT email_shape CHECK (VALUE LIKE '%@%');
                ALTER DOMAIN public.email ADD CONSTRAINT email_length CHECK (length(VALUE) < 100) NOT VALID;
                CREATE TYPE public.address AS (street text, zip varchar(10) COLLATE "C");
                CREATE TYPE public.floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
                CREATE TABLE public.bookings (id int, contact public.email, home public.address, during tsrange,
                    CONSTRAINT bookings_no_overlap EXCLUDE USING gist (during WITH &&) WHERE (id > 0));
                CREATE STATISTICS public.bookings_stats (ndistinct) ON id, lower(during) FROM public.bookings;
                """);
        SchemaGraph graph = introspect(db).graph();
        assertThat(graph.domains()).singleElement().satisfies(d -> {
            assertThat(d.baseType()).isEqualTo("text");
            assertThat(d.collation()).isEqualTo("C");
            assertThat(d.notNull()).isTrue();
            assertThat(d.constraints()).extracting(DomainConstraint::name, DomainConstraint::validated)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("email_length", false),
                            org.assertj.core.groups.Tuple.tuple("email_shape", true));
        });
        assertThat(graph.compositeTypes()).singleElement().extracting(CompositeType::attributes)
                .isEqualTo(List.of(new TypeAttribute("street", "text", null),
                        new TypeAttribute("zip", "character varying(10)", "C")));
        assertThat(graph.rangeTypes()).singleElement().isEqualTo(new RangeType("public", "floatrange",
                "double precision", "pg_catalog.float8_ops", null, null, "pg_catalog.float8mi", "floatmultirange"));
        assertThat(graph.exclusionConstraints()).singleElement().extracting(ExclusionConstraint::definition)
                .isEqualTo("EXCLUDE USING gist (during WITH &&) WHERE ((id > 0))");
        assertThat(graph.statistics()).singleElement().extracting(StatisticsObject::definition).isEqualTo(
                "CREATE STATISTICS public.bookings_stats (ndistinct) ON id, lower(during) FROM public.bookings");
        String json = SchemaGraphJson.toJson(graph);
        assertThat(SchemaGraphJson.fromJson(json, "test.json")).isEqualTo(graph);
    }

    /** A graph written before these kinds existed (no such properties) reads with none of them. */
    @Test
    void aGraphWrittenBeforeTypesWereModelledReadsWithNone() {
        SchemaGraph graph = SchemaGraphJson.fromJson("""
                {"format": "zanith.schema-graph/1", "schemas": ["public"],
                 "tables": [{"schema": "public", "name": "t", "columns": [{"name": "id", "type": "integer"}]}]}
                """, "old.json");
        assertThat(graph.domains()).isEmpty();
        assertThat(graph.compositeTypes()).isEmpty();
        assertThat(graph.rangeTypes()).isEmpty();
        assertThat(graph.exclusionConstraints()).isEmpty();
        assertThat(graph.statistics()).isEmpty();
        assertThat(graph.tables()).hasSize(1);
    }

    /**
     * A default privilege that gives a privilege is written exactly as before revoked built-in defaults were modelled
     * (snapshots stored in the audit tables are compared with new introspections); {@code revoked} appears only when
     * true, and a graph written without it reads with none revoked.
     */
    @Test
    void defaultPrivilegesWithoutARevokeKeepTheirFormAndARevokeRoundTrips() {
        String stored = "{\"format\":\"zanith.schema-graph/1\",\"defaultPrivileges\":[{\"objects\":\"tables\","
                + "\"grantee\":\"app\",\"privilege\":\"SELECT\",\"grantable\":false},{\"schema\":\"public\","
                + "\"objects\":\"sequences\",\"grantee\":\"PUBLIC\",\"privilege\":\"USAGE\",\"grantable\":true}]}";
        SchemaGraph given = SchemaGraph.empty().withDefaultPrivileges(List.of(
                new DefaultPrivilege(null, "tables", "app", "SELECT", false),
                new DefaultPrivilege("public", "sequences", "PUBLIC", "USAGE", true)));
        assertThat(SchemaGraphJson.toCompactJson(given)).isEqualTo(stored);
        assertThat(SchemaGraphJson.fromJson(stored, "stored.json")).isEqualTo(given);

        SchemaGraph revoked = given.withDefaultPrivileges(List.of(DefaultPrivilege.revoked("functions", "PUBLIC", "EXECUTE"),
                DefaultPrivilege.revoked("tables", DefaultPrivilege.SELF, "DELETE")));
        String json = SchemaGraphJson.toCompactJson(revoked);
        assertThat(json).isEqualTo("{\"format\":\"zanith.schema-graph/1\",\"defaultPrivileges\":[{\"objects\":"
                + "\"functions\",\"grantee\":\"PUBLIC\",\"privilege\":\"EXECUTE\",\"grantable\":false,\"revoked\":true},"
                + "{\"objects\":\"tables\",\"grantee\":\"CURRENT_USER\",\"privilege\":\"DELETE\",\"grantable\":false,"
                + "\"revoked\":true}]}");
        assertThat(SchemaGraphJson.fromJson(json, "revoked.json")).isEqualTo(revoked);
        assertThat(SchemaGraphJson.fromYaml(json, "revoked.yaml")).isEqualTo(revoked);
        assertThatThrownBy(() -> SchemaGraphJson.fromJson("{\"format\":\"zanith.schema-graph/1\",\"defaultPrivileges\":"
                + "[{\"objects\":\"tables\",\"grantee\":\"app\",\"privilege\":\"SELECT\",\"revoked\":true}]}", "bad.json"))
                .isInstanceOf(ZanithException.class).hasMessageContaining("built-in default");
    }
}
