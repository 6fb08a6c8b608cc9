package dev.zanith.internal.verify;

import dev.zanith.api.output.VerifyOutcome;
import dev.zanith.api.output.VerifyResult;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.jdbc.ConnectionSource;
import dev.zanith.internal.introspect.IntrospectionOptions;
import dev.zanith.internal.introspect.Introspector;
import dev.zanith.api.risk.LockMode;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.internal.shadow.DeclaredSchema;
import dev.zanith.api.ShadowProvider;
import dev.zanith.internal.shadow.ShadowSource;
import dev.zanith.internal.shadow.ShadowProviders;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;

import static dev.zanith.internal.verify.VerifierTest.migration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The same-database topology: ephemeral schemas isolated by search_path. */
@RealPostgres
class SchemaShadowTest {

    private static ShadowSource schemaShadow(TestDatabase db) {
        return ShadowProviders.fromOption("schema", ConnectionSource.of(db.jdbcUrl(), null, null), false,
                List.of("public"), "zanith_archive");
    }

    private static SchemaGraph live(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            return new Introspector(IntrospectionOptions.defaults()).introspect(c).graph();
        }
    }

    private static int shadowSchemas(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); ResultSet rs = c.createStatement()
                .executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'zanith_shadow_%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void verifiesInEphemeralSchemasAndReportsRealNames(TestDatabase db) throws Exception {
        db.execute("CREATE EXTENSION citext; CREATE TYPE mood AS ENUM ('ok', 'meh');"
                + "CREATE TABLE users (id serial PRIMARY KEY, email citext NOT NULL, n integer, m mood DEFAULT 'ok');");
        VerifyResult result = new Verifier().verify(new Verifier.Request(live(db), List.of(migration("1_a", """
                  - addColumn: {table: users, column: {name: last_login, type: timestamptz}}
                  - alterColumnType: {table: users, column: n, type: bigint}
                  - addIndex: {table: users, index: {name: users_email, keys: [email]}, concurrently: true}
                  - softDropColumn: {table: users, column: m}
                """), migration("2_raw", "--sql\nALTER TABLE users ADD COLUMN note text;\n")), null, null,
                schemaShadow(db), IntrospectionOptions.defaults(), "zanith_archive"));
        assertThat(result.verdict()).as(result.differences() + " " + result.failedStep()).isEqualTo(VerifyOutcome.VERIFIED);
        assertThat(result.shadow()).contains("ephemeral shadow schemas");
        assertThat(result.steps().get(1).rewrittenTables()).containsExactly("public.users");
        assertThat(result.steps().get(2).tableLocks()).containsEntry("public.users", LockMode.SHARE_UPDATE_EXCLUSIVE);
        assertThat(result.steps().get(4).inferredKinds()).containsExactly("addColumn");
        assertThat(shadowSchemas(db)).as("nothing persists").isZero();
        assertThat(live(db).table(new dev.zanith.api.schema.TableName("public", "users")).orElseThrow().columns())
                .as("the real table is untouched").hasSize(4);
    }

    /**
     * The schema shadow cannot recreate the live catalog's definitions under its shadow schema's name: the verdict
     * names each one, and a statement about one is not rehearsed (never "safe" by absence).
     */
    @Test
    void namesTheLiveDefinitionsItCannotRecreate(TestDatabase db) throws Exception {
        // Views and functions are in the schema graph now; a trigger on a view is still a live definition.
        db.execute("""
                CREATE TABLE users (id bigint PRIMARY KEY, n integer);
                CREATE VIEW active_users AS SELECT id FROM users WHERE n > 0;
                CREATE FUNCTION no_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
                CREATE TRIGGER active_users_insert INSTEAD OF INSERT ON active_users
                    FOR EACH ROW EXECUTE FUNCTION no_insert();
                """);
        VerifyResult result = verifyRaw(db, "DROP TRIGGER active_users_insert ON active_users;");
        assertThat(result.verdict()).as("%s", result.failedStep()).isEqualTo(VerifyOutcome.VERIFIED);
        assertThat(result.warnings()).anyMatch(w -> w.startsWith("the shadow lacks trigger active_users_insert on "
                + "public.active_users (the schema shadow cannot recreate it"));
        assertThat(result.steps().get(0).derivedLevel()).startsWith("unknown 55").contains("1 statement(s) not rehearsed");
        assertThat(shadowSchemas(db)).isZero();
    }

    /** Functions and triggers are in the schema graph: the schema shadow builds them under its own schema names. */
    @Test
    void recreatesFunctionsAndTriggersUnderTheShadowSchema(TestDatabase db) throws Exception {
        db.execute("""
                CREATE TABLE users (id bigint PRIMARY KEY, n integer);
                CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
                CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();
                """);
        VerifyResult result = verifyRaw(db, "DROP TRIGGER users_touch ON users;");
        assertThat(result.verdict()).as("%s", result.failedStep()).isEqualTo(VerifyOutcome.VERIFIED);
        assertThat(result.warnings()).isEmpty();
        assertThat(result.steps().get(0).derivedLevel()).contains("drops_trigger").doesNotContain("not rehearsed");
        assertThat(shadowSchemas(db)).isZero();
        assertThat(db.queryForLong("SELECT count(*) FROM pg_trigger WHERE tgname = 'users_touch'"))
                .as("the real trigger is untouched").isEqualTo(1);
    }

    private VerifyResult verifyRaw(TestDatabase db, String sql) throws Exception {
        dev.zanith.internal.introspect.LiveDefinitions definitions;
        try (Connection c = db.connect()) {
            definitions = dev.zanith.internal.introspect.LiveDefinitions.read(c, IntrospectionOptions.defaults());
        }
        return new Verifier().verify(new Verifier.Request(live(db), List.of(migration("1_raw", "--sql\n" + sql + "\n")),
                null, null, schemaShadow(db), IntrospectionOptions.defaults(), "zanith_archive", java.util.Map.of(), null,
                java.util.Map.of(), definitions));
    }

    @Test
    void normalizesADeclaredSchemaInEphemeralSchemas(TestDatabase db, @TempDir Path dir) throws Exception {
        Path declared = dir.resolve("schema.sql");
        Files.writeString(declared, "CREATE TYPE mood AS ENUM ('ok');\nCREATE TABLE t (id serial PRIMARY KEY, m mood DEFAULT 'ok');\n");
        SchemaGraph graph = DeclaredSchema.load(declared, schemaShadow(db), IntrospectionOptions.defaults());
        assertThat(graph.table(new dev.zanith.api.schema.TableName("public", "t")).orElseThrow().columns().get(1).defaultExpression())
                .isEqualTo("'ok'::public.mood");
        assertThat(graph.sequences()).singleElement().satisfies(s -> assertThat(s.schema()).isEqualTo("public"));
        assertThat(shadowSchemas(db)).isZero();
        assertThat(live(db).tables()).as("declared objects never land in the real schema").isEmpty();
    }

    @Test
    void refusesDatabaseWideChanges(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE t (id int)");
        assertRefusedOnSchemaShadow(db, "  - createExtension: {name: hstore}\n", "CREATE EXTENSION is database-wide");
        assertThat(shadowSchemas(db)).isZero();
    }

    @Test
    void neverDropsASchemaOfTheTargetItself(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE t (id int); CREATE SCHEMA other");
        assertRefusedOnSchemaShadow(db, "  - dropSchema: {schema: other}\n", "cannot rehearse drop schema other");
        assertThat(db.queryForLong("SELECT count(*) FROM pg_namespace WHERE nspname = 'other'")).isEqualTo(1);
    }

    /** Verifying one migration of {@code steps} on the schema shadow fails with {@code message}. */
    private static void assertRefusedOnSchemaShadow(TestDatabase db, String steps, String message) {
        assertThatThrownBy(() -> new Verifier().verify(new Verifier.Request(live(db), List.of(migration("1_a", steps)),
                null, null, schemaShadow(db), IntrospectionOptions.defaults(), "zanith_archive")))
                .isInstanceOf(ZanithException.class).hasMessageContaining(message);
    }
}
