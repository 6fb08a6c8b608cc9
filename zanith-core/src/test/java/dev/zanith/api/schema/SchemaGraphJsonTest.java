package dev.zanith.api.schema;

import dev.zanith.TestSchemas;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.introspect.IntrospectionOptions;
import dev.zanith.internal.introspect.Introspector;
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

    @Test
    void emptyGraphHasAStableForm() {
        assertThat(SchemaGraphJson.toCompactJson(SchemaGraph.empty())).isEqualTo("{\"format\":\"zanith.schema-graph/1\"}");
        assertThat(SchemaGraph.empty().summary()).isEqualTo("0 models · 0 fields · 0 relation edges");
    }
}
