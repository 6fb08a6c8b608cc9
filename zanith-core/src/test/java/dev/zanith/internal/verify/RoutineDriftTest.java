package dev.zanith.internal.verify;

import dev.zanith.api.output.Difference;
import dev.zanith.api.output.SnapshotDiff;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.internal.introspect.IntrospectionOptions;
import dev.zanith.internal.introspect.Introspector;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/** Verify's drift check and the snapshot diff see routines, triggers and event triggers, not only tables. */
@RealPostgres
class RoutineDriftTest {

    private static final String BASE = """
            CREATE TABLE items (id int PRIMARY KEY, note text);
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
            CREATE FUNCTION note_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN NULL; END $$;
            CREATE TRIGGER items_touch BEFORE INSERT ON items FOR EACH ROW EXECUTE FUNCTION touch();
            CREATE EVENT TRIGGER note_ddl ON ddl_command_end EXECUTE FUNCTION note_ddl();
            """;

    private static SchemaGraph graph(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            return new Introspector(IntrospectionOptions.defaults()).introspect(c).graph();
        }
    }

    @Test
    void aChangedBodyADisabledTriggerAndAMissingRoutineAreDrift(TestDatabase expectedDb, TestDatabase actualDb)
            throws Exception {
        expectedDb.execute(BASE + "CREATE FUNCTION extra() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;");
        actualDb.execute(BASE.replace("BEGIN RETURN NEW; END", "BEGIN NEW.note := 'x'; RETURN NEW; END")
                + "ALTER TABLE items DISABLE TRIGGER items_touch; ALTER EVENT TRIGGER note_ddl DISABLE;");
        SchemaGraph expected = graph(expectedDb);
        SchemaGraph actual = graph(actualDb);

        assertThat(SchemaComparison.compare(expected, actual)).extracting(Difference::model, Difference::aspect)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("function public.touch()", "definition"),
                        org.assertj.core.groups.Tuple.tuple("routine public.extra()", "missing"),
                        org.assertj.core.groups.Tuple.tuple("public.items", "trigger enabled"),
                        org.assertj.core.groups.Tuple.tuple("event trigger note_ddl", "definition"));
        assertThat(SchemaComparison.compare(expected, expected)).isEmpty();

        assertThat(SnapshotDiff.between(expected, actual).others()).containsExactlyInAnyOrder(
                "routine public.extra(): removed",
                "routine public.touch(): changed function (plpgsql) -> function (plpgsql)",
                "trigger public.items.items_touch: changed executing public.touch() (origin) -> executing public.touch() "
                        + "(disabled)",
                "event trigger note_ddl: changed on ddl_command_end executing public.note_ddl() (origin) -> on "
                        + "ddl_command_end executing public.note_ddl() (disabled)");
    }
}
