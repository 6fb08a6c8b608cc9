package dev.zanith.internal.shadow;

import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.internal.introspect.IntrospectionOptions;
import dev.zanith.internal.introspect.Introspector;
import dev.zanith.internal.jdbc.ConnectionSource;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.verify.ShadowReplay;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shadow of the live schema is copied from the template an earlier run kept for the same schema on the server of
 * {@code --shadow database}, and built (and kept) again when anything that decides it changed; a template being made
 * is never used, and what is left on the server stays bounded.
 */
@RealPostgres
class ShadowTemplatesTest {

    private static final IntrospectionOptions OPTIONS = IntrospectionOptions.of(List.of("public"));

    private static ConnectionSource target(TestDatabase db) {
        return ConnectionSource.of(db.jdbcUrl(), null, null);
    }

    private static TemporaryDatabaseShadowProvider provider(TestDatabase db, boolean templates) {
        return new TemporaryDatabaseShadowProvider(target(db), TemporaryDatabaseShadowProvider::randomName, templates);
    }

    /** A table no other run has used (so its schema's template is new), with {@code columns}. */
    private static String newTable(TestDatabase db, String columns) {
        String table = "t_" + UUID.randomUUID().toString().replace("-", "");
        db.execute("CREATE TABLE " + table + " (" + columns + ")");
        return table;
    }

    private static SchemaGraph live(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return new Introspector(OPTIONS).introspect(c).graph();
        }
    }

    /** The template's name for {@code graph}, as the provider names it. */
    private static String template(TestDatabase db, SchemaGraph graph) throws SQLException {
        try (Connection c = db.connect()) {
            String facts = Jdbc.queryFirst(c, dev.zanith.internal.sql.SqlResources.get(
                    "introspect/shadow-cache-facts.sql"), rs -> rs.getString("template_facts")).orElse("");
            return ShadowTemplates.name(TemporaryDatabaseShadowProvider.NAME, facts,
                    ShadowReplay.recreated(graph, OPTIONS));
        }
    }

    private static List<String> tables(Shadow shadow) throws SQLException {
        try (Connection c = shadow.connections().open()) {
            return Jdbc.query(c, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
                    rs -> rs.getString(1));
        }
    }

    private static String single(TestDatabase db, String sql, Object... parameters) throws SQLException {
        try (Connection c = db.connect()) {
            return Jdbc.queryFirst(c, sql, rs -> rs.getString(1), parameters).orElse(null);
        }
    }

    private static boolean exists(TestDatabase db, String database) throws SQLException {
        return "t".equals(single(db, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = ?)", database));
    }

    /** Adds a table to {@code database}, which takes no connections, as someone tampering with it would. */
    private static void poison(TestDatabase db, String database, String table) throws SQLException {
        db.execute("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS true");
        try (Connection c = target(db).withDatabase(database).open()) {
            Jdbc.execute(c, "CREATE TABLE public." + table + " (id int)");
        }
        db.execute("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS false");
    }

    private static void drop(TestDatabase db, List<String> databases) {
        for (String database : databases) {
            db.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @Test
    void theSameLiveSchemaIsCopiedFromItsTemplateAndAChangedOneIsBuiltAgain(TestDatabase db) throws Exception {
        String table = newTable(db, "id bigint PRIMARY KEY, note text");
        SchemaGraph first = live(db);
        String template = template(db, first);
        List<String> made = new ArrayList<>(List.of(template));
        try {
            assertThat(exists(db, template)).isFalse();
            try (Shadow shadow = ShadowReplay.openRecreated(provider(db, true), first, OPTIONS)) {
                assertThat(tables(shadow)).containsExactly(table);
            }
            // kept whole, closed to connections, and saying what it is
            assertThat(single(db, "SELECT datallowconn FROM pg_database WHERE datname = ?", template)).isEqualTo("f");
            assertThat(single(db, "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = ?",
                    template)).startsWith("zanith shadow template: ").contains("safe to drop");

            // the next shadow of the same schema is a copy of the template: proven by a template that holds more;
            // a role another session created meanwhile changes nothing
            poison(db, template, "poison");
            String role = "r_" + UUID.randomUUID().toString().replace("-", "");
            db.execute("CREATE ROLE " + role + " NOLOGIN");
            try (Shadow shadow = ShadowReplay.openRecreated(provider(db, true), first, OPTIONS)) {
                db.execute("DROP ROLE " + role);
                assertThat(tables(shadow)).containsExactly("poison", table);
                // a working copy, not the template: it takes connections and is dropped on close
                assertThat(((TemporaryDatabaseShadowProvider.TemporaryDatabase) shadow).database()).isNotEqualTo(template);
            }
            assertThat(exists(db, template)).as("the template outlives the shadow copied from it").isTrue();

            // a changed live schema is another template: built by replay, the poisoned one not used
            db.execute("ALTER TABLE " + table + " ADD COLUMN n int");
            SchemaGraph second = live(db);
            String changed = template(db, second);
            made.add(changed);
            assertThat(changed).isNotEqualTo(template);
            try (Shadow shadow = ShadowReplay.openRecreated(provider(db, true), second, OPTIONS)) {
                assertThat(tables(shadow)).containsExactly(table);
                assertThat(new ShadowReplay(shadow, OPTIONS).introspect().graph()).isEqualTo(second);
            }
            assertThat(exists(db, changed)).isTrue();

            // other options (here: another excluded prefix) are another template too
            assertThat(ShadowReplay.recreated(first, OPTIONS)).isNotEqualTo(ShadowReplay.recreated(first,
                    new IntrospectionOptions(List.of("public"), "_old_", true)));

            // turned off: neither used nor made
            db.execute("ALTER TABLE " + table + " ADD COLUMN m int");
            SchemaGraph third = live(db);
            String off = template(db, third);
            try (Shadow shadow = ShadowReplay.openRecreated(provider(db, false), third, OPTIONS)) {
                assertThat(tables(shadow)).containsExactly(table);
            }
            assertThat(exists(db, off)).isFalse();
        } finally {
            drop(db, made);
        }
    }

    @Test
    void aTemplateBeingMadeOrNotOursIsNeverUsedAndOnlyAStaleOneIsDropped(TestDatabase db) throws Exception {
        String table = newTable(db, "id bigint PRIMARY KEY");
        SchemaGraph graph = live(db);
        String template = template(db, graph);
        // another process's copy in the making (poisoned: were it used, the shadow would show it), and one a
        // process that died left eleven minutes ago
        String building = ShadowTemplates.buildingName(Instant.now());
        String dead = ShadowTemplates.buildingName(Instant.now().minus(ShadowTemplates.STALE).minusSeconds(60));
        List<String> made = new ArrayList<>(List.of(template, building, dead));
        try {
            // a database of the template's name that takes connections (not finished here, or tampered with) is
            // never copied, nor replaced
            db.execute("CREATE DATABASE " + template + " TEMPLATE template0");
            try (Connection c = target(db).withDatabase(template).open()) {
                Jdbc.execute(c, "CREATE TABLE public.impostor (id int)");
            }
            try (Shadow shadow = ShadowReplay.openRecreated(provider(db, true), graph, OPTIONS)) {
                assertThat(tables(shadow)).containsExactly(table);
            }
            assertThat(single(db, "SELECT datallowconn FROM pg_database WHERE datname = ?", template)).isEqualTo("t");
            drop(db, List.of(template));

            for (String database : List.of(building, dead)) {
                db.execute("CREATE DATABASE " + database + " TEMPLATE template0");
                try (Connection c = target(db).withDatabase(database).open()) {
                    Jdbc.execute(c, "CREATE TABLE public.poison (id int)");
                }
            }
            try (Shadow shadow = ShadowReplay.openRecreated(provider(db, true), graph, OPTIONS)) {
                assertThat(tables(shadow)).containsExactly(table);
            }
            assertThat(exists(db, template)).isTrue();
            assertThat(exists(db, building)).as("another process's work is left alone").isTrue();
            assertThat(exists(db, dead)).as("a dead process's leftover is dropped").isFalse();

            // two processes finishing the same template: the second keeps the first one's and drops its own copy
            poison(db, template, "first");
            try (Shadow shadow = provider(db, false).open(); Connection c = db.connect()) {
                List<String> before = ours(c);
                ShadowTemplates.keep(c, ((TemporaryDatabaseShadowProvider.TemporaryDatabase) shadow).database(),
                        template);
                assertThat(ours(c)).isEqualTo(before);
            }
            try (Shadow shadow = ShadowReplay.openRecreated(provider(db, true), graph, OPTIONS)) {
                assertThat(tables(shadow)).containsExactly("first", table);
            }
        } finally {
            drop(db, made);
        }
    }

    @Test
    void onlyTheNewestTemplatesAreKept(TestDatabase db) throws Exception {
        String table = newTable(db, "c0 int");
        List<String> made = new ArrayList<>();
        try {
            for (int i = 1; i <= ShadowTemplates.KEEP + 1; i++) {
                db.execute("ALTER TABLE " + table + " ADD COLUMN c" + i + " int");
                SchemaGraph graph = live(db);
                made.add(template(db, graph));
                ShadowReplay.openRecreated(provider(db, true), graph, OPTIONS).close();
            }
            try (Connection c = db.connect()) {
                List<String> templates = ours(c).stream().filter(d -> d.startsWith(ShadowTemplates.PREFIX)).toList();
                assertThat(templates).hasSize(ShadowTemplates.KEEP)
                        .containsExactlyElementsOf(newestFirst(made).subList(0, ShadowTemplates.KEEP));
            }
        } finally {
            drop(db, made);
        }
    }

    @Test
    void theEnvironmentTurnsTemplatesOff() {
        assertThat(ShadowTemplates.enabled(Map.of())).isTrue();
        assertThat(ShadowTemplates.enabled(Map.of("ZANITH_SHADOW_TEMPLATES", "on"))).isTrue();
        for (String off : List.of("off", "OFF", "false", "no", "0", " off ")) {
            assertThat(ShadowTemplates.enabled(Map.of("ZANITH_SHADOW_TEMPLATES", off))).as(off).isFalse();
        }
        assertThat(ShadowTemplates.startedAt(ShadowTemplates.buildingName(Instant.ofEpochSecond(1_700_000_000))))
                .isEqualTo(1_700_000_000L);
        assertThat(ShadowTemplates.name("database", "f", "a")).hasSizeLessThan(64)
                .isNotEqualTo(ShadowTemplates.name("database", "g", "a"))
                .isNotEqualTo(ShadowTemplates.name("database", "f", "b"))
                .isNotEqualTo(ShadowTemplates.name("embedded", "f", "a"));
    }

    private static List<String> newestFirst(List<String> made) {
        List<String> reversed = new ArrayList<>(made);
        java.util.Collections.reverse(reversed);
        return reversed;
    }

    /** This user's templates and copies being made, newest first. */
    private static List<String> ours(Connection c) throws SQLException {
        return Jdbc.query(c, dev.zanith.internal.sql.SqlResources.get("shadow/templates.sql"), rs -> rs.getString(1),
                ShadowTemplates.PREFIX, ShadowTemplates.BUILDING_PREFIX);
    }
}
