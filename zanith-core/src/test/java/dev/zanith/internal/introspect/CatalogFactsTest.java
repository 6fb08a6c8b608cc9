package dev.zanith.internal.introspect;

import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.api.schema.TableName;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The domain facts a type change is judged on, read from a real catalog. */
@RealPostgres
class CatalogFactsTest {

    @Test
    void domainsCarryTheBaseTypeUnderEveryLayerAndTheirConstraints(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            Jdbc.execute(c, """
                    CREATE DOMAIN public.amount AS numeric(12,4);
                    CREATE DOMAIN public.amount_alias AS public.amount;
                    CREATE DOMAIN public.required_amount AS public.amount NOT NULL;
                    CREATE DOMAIN public.positive AS numeric CHECK (VALUE > 0);
                    CREATE DOMAIN public.short_text AS character varying(50);
                    """);
            Map<String, CatalogFacts.Domain> domains = CatalogFacts.domains(c);
            assertThat(domains).containsEntry("public.amount", new CatalogFacts.Domain("numeric(12,4)", false))
                    .containsEntry("public.amount_alias", new CatalogFacts.Domain("numeric(12,4)", false))
                    .containsEntry("public.required_amount", new CatalogFacts.Domain("numeric(12,4)", true))
                    .containsEntry("public.positive", new CatalogFacts.Domain("numeric", true))
                    .containsEntry("public.short_text", new CatalogFacts.Domain("character varying(50)", false));
        }
    }

    @Test
    void viewUsesNameEveryColumnAViewOrRuleSelects(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            Jdbc.execute(c, """
                    CREATE TABLE public.users (id bigint PRIMARY KEY, name text, nickname text, unused text);
                    CREATE VIEW public.user_names AS SELECT id, name FROM public.users;
                    CREATE MATERIALIZED VIEW public.nicknames AS SELECT nickname FROM public.users;
                    """);
            TableName users = new TableName("public", "users");
            assertThat(CatalogFacts.viewUses(c)).containsExactlyInAnyOrder(
                    new CatalogFacts.ViewUse(users, "id", "public.user_names"),
                    new CatalogFacts.ViewUse(users, "name", "public.user_names"),
                    new CatalogFacts.ViewUse(users, "nickname", "public.nicknames"));
        }
    }

    @Test
    void exclusionUsesNameEveryColumnAnExclusionConstraintCovers(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            Jdbc.execute(c, """
                    CREATE TABLE public.rooms (id bigint, code text, during int4range, note text, free boolean,
                      CONSTRAINT rooms_code_excl EXCLUDE USING btree (code WITH =),
                      CONSTRAINT rooms_during_excl EXCLUDE USING gist (during WITH &&) WHERE (free));
                    """);
            TableName rooms = new TableName("public", "rooms");
            assertThat(CatalogFacts.exclusionUses(c)).containsExactlyInAnyOrder(
                    new CatalogFacts.ExclusionUse(rooms, "code", "rooms_code_excl"),
                    new CatalogFacts.ExclusionUse(rooms, "during", "rooms_during_excl"),
                    new CatalogFacts.ExclusionUse(rooms, "free", "rooms_during_excl"));
        }
    }
}
