package dev.zanith.api.schema;

import dev.zanith.internal.introspect.IntrospectionOptions;
import dev.zanith.internal.introspect.Introspector;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Routines, triggers and event triggers in the schema graph's JSON: exact, canonical, and optional when reading. */
@RealPostgres
class RoutineGraphJsonTest {

    private static final String SCHEMA = """
            CREATE TABLE items (id int PRIMARY KEY, code text, note text);
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
            CREATE FUNCTION fmt(a int, b text DEFAULT 'x') RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT a || b $$;
            CREATE PROCEDURE restock(INOUT n int) LANGUAGE plpgsql AS $$ BEGIN n := n + 1; END $$;
            CREATE TRIGGER b_touch BEFORE UPDATE OF code ON items FOR EACH ROW WHEN (OLD.code IS DISTINCT FROM NEW.code)
                EXECUTE FUNCTION touch();
            CREATE TRIGGER a_touch AFTER DELETE ON items FOR EACH STATEMENT EXECUTE FUNCTION touch();
            ALTER TABLE items ENABLE REPLICA TRIGGER a_touch;
            CREATE FUNCTION note_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN NULL; END $$;
            CREATE EVENT TRIGGER note_ddl ON ddl_command_end WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE')
                EXECUTE FUNCTION note_ddl();
            ALTER EVENT TRIGGER note_ddl DISABLE;
            """;

    @Test
    void introspectedExactlyAndRoundTripsByteForByte(TestDatabase db) throws Exception {
        db.execute(SCHEMA);
        SchemaGraph graph;
        try (Connection c = db.connect()) {
            graph = new Introspector(IntrospectionOptions.defaults()).introspect(c).graph();
        }
        assertThat(graph.routines()).extracting(Routine::signature).containsExactly("public.fmt(integer,text)",
                "public.note_ddl()", "public.restock(integer)", "public.touch()");
        Routine fmt = graph.routine("public.fmt(integer,text)").orElseThrow();
        assertThat(fmt.arguments()).isEqualTo("a integer, b text DEFAULT 'x'::text");
        assertThat(fmt.result()).isEqualTo("text");
        assertThat(fmt.language()).isEqualTo("sql");
        assertThat(fmt.definition()).startsWith("CREATE OR REPLACE FUNCTION public.fmt(").contains("IMMUTABLE");
        Routine restock = graph.routine("public.restock(integer)").orElseThrow();
        assertThat(restock.kind()).isEqualTo(Routine.PROCEDURE);
        assertThat(restock.result()).isNull();
        assertThat(graph.triggers()).extracting(Trigger::name).containsExactly("a_touch", "b_touch");
        assertThat(graph.triggers().get(0).enabled()).isEqualTo(Trigger.REPLICA);
        assertThat(graph.triggers().get(1).definition()).isEqualTo("CREATE TRIGGER b_touch BEFORE UPDATE OF code ON "
                + "public.items FOR EACH ROW WHEN ((old.code IS DISTINCT FROM new.code)) EXECUTE FUNCTION public.touch()");
        assertThat(graph.triggers()).allSatisfy(t -> assertThat(t.function()).isEqualTo("public.touch()"));
        assertThat(graph.eventTriggers()).singleElement().satisfies(e -> {
            assertThat(e.event()).isEqualTo("ddl_command_end");
            assertThat(e.tags()).containsExactly("ALTER TABLE", "CREATE TABLE");
            assertThat(e.enabled()).isEqualTo(Trigger.DISABLED);
        });

        String json = SchemaGraphJson.toJson(graph);
        SchemaGraph back = SchemaGraphJson.fromJson(json, "test.json");
        assertThat(back).isEqualTo(graph);
        assertThat(SchemaGraphJson.toJson(back)).isEqualTo(json);
    }

    @Test
    void aGraphWrittenBeforeRoutinesWereModelledReadsAsHavingNone() {
        SchemaGraph graph = SchemaGraphJson.fromJson("""
                {"format": "zanith.schema-graph/1", "schemas": ["public"],
                 "tables": [{"schema": "public", "name": "t", "columns": [{"name": "id", "type": "integer"}]}]}
                """, "old.json");
        assertThat(graph.routines()).isEmpty();
        assertThat(graph.triggers()).isEmpty();
        assertThat(graph.eventTriggers()).isEmpty();
        assertThat(graph.tables()).hasSize(1);
    }

    @Test
    void aTriggerWithoutItsEnabledStateFiresInOriginMode() {
        SchemaGraph graph = SchemaGraphJson.fromJson("""
                {"triggers": [{"schema": "public", "table": "t", "name": "t_touch", "function": "public.touch()",
                  "definition": "CREATE TRIGGER t_touch BEFORE INSERT ON public.t FOR EACH ROW EXECUTE FUNCTION public.touch()"}]}
                """, "hand.json");
        assertThat(graph.triggers()).singleElement().satisfies(t -> assertThat(t.enabled()).isEqualTo(Trigger.ORIGIN));
    }
}
