package dev.zanith.internal.shadow;

import dev.zanith.internal.shadow.ShadowSource;
import dev.zanith.internal.sql.SqlScript;
import dev.zanith.api.exception.ZanithConfigException;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.jdbc.ConnectionSource;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.introspect.IntrospectionOptions;
import dev.zanith.internal.introspect.Introspector;
import dev.zanith.api.schema.Column;
import dev.zanith.api.schema.LiveSchema;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.SchemaGraphJson;
import dev.zanith.api.schema.TableName;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assumptions.assumeThat;

@RealPostgres
class DeclaredSchemaTest {

    private static final IntrospectionOptions APP_AND_PUBLIC = IntrospectionOptions.of(List.of("app", "public"));
    private static final IntrospectionOptions PUBLIC = IntrospectionOptions.of(List.of("public"));

    /** Quoted identifiers, dollar-quoted and SQL-standard bodies, comments and strings with semicolons. */
    static final String SCHEMA = """
            -- Declared schema; the semicolons in comments must not split anything.
            CREATE EXTENSION IF NOT EXISTS citext;
            CREATE SCHEMA app; /* a block comment; /* nested; */ still comment */
            SET search_path = app, public;

            CREATE TYPE status AS ENUM ('new', 'it''s; done');

            CREATE FUNCTION slugify(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
              SELECT lower(regexp_replace(t, '[^a-z0-9]+', '-', 'gi')); -- body; with semicolons
            $$;

            CREATE FUNCTION is_positive(n numeric) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $fn$
            BEGIN
              RETURN n > 0; -- $$ inside a tagged body;
            END
            $fn$;

            CREATE FUNCTION default_note() RETURNS text LANGUAGE sql STABLE
            BEGIN ATOMIC
              SELECT 'n/a; none';
            END;

            CREATE TABLE "Order" (
              id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
              "Customer Email" citext NOT NULL,
              status status NOT NULL DEFAULT 'new',
              total numeric(12,2) NOT NULL CHECK (is_positive(total)),
              note text DEFAULT default_note(),
              slug text GENERATED ALWAYS AS (slugify("Customer Email"::text)) STORED,
              memo text DEFAULT E'tab\\there; \\'quoted\\''
            );
            CREATE INDEX "Order_email" ON "Order" (lower("Customer Email"::text)) WHERE status <> 'new';
            COMMENT ON TABLE "Order" IS 'orders; all of them';

            CREATE TABLE public.audit (id serial PRIMARY KEY, order_id bigint REFERENCES app."Order" ON DELETE CASCADE)
            """;

    static Path write(Path dir, String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    static ConnectionSource target(TestDatabase db) {
        return ConnectionSource.of(db.jdbcUrl(), null, null);
    }

    /**
     * Applies a whole script the way psql -c would: one simple-protocol query parsed by the server itself (pgjdbc's
     * own splitting of multi-statement strings mishandles statements after a BEGIN ATOMIC body).
     */
    static void applyDirectly(TestDatabase db, String script) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl() + "&preferQueryMode=simple")) {
            Jdbc.execute(c, script);
        }
    }

    static LiveSchema introspect(TestDatabase db, IntrospectionOptions options) throws SQLException {
        try (Connection c = db.connect()) {
            return new Introspector(options).introspect(c);
        }
    }

    static boolean databaseExists(TestDatabase db, String name) throws SQLException {
        return ShadowProvidersTest.databaseExists(db, name);
    }

    /** A temporary-database provider whose database names the test knows. */
    static final class NamedDatabases {
        final List<String> names = new ArrayList<>();
        final ShadowSource provider;

        NamedDatabases(TestDatabase db) {
            provider = new TemporaryDatabaseShadowProvider(target(db), () -> {
                String name = TemporaryDatabaseShadowProvider.randomName();
                names.add(name);
                return name;
            });
        }
    }

    /** Fails the test if anything asks it for a shadow. */
    static final ShadowSource NO_SHADOW = new ShadowSource() {
        @Override
        public Shadow open() {
            throw new AssertionError("no shadow should be opened");
        }

        @Override
        public String name() {
            return "none";
        }
    };

    @Test
    void sqlGivesTheSameGraphAsApplyingTheDdlToADatabase(TestDatabase db, @TempDir Path dir) throws Exception {
        Path file = write(dir, "schema.sql", SCHEMA);
        NamedDatabases shadows = new NamedDatabases(db);

        LiveSchema declared = DeclaredSchema.normalize(file, shadows.provider, APP_AND_PUBLIC);

        applyDirectly(db, SCHEMA);
        LiveSchema applied = introspect(db, APP_AND_PUBLIC);
        assertThat(SchemaGraphJson.toJson(declared.graph())).isEqualTo(SchemaGraphJson.toJson(applied.graph()));
        assertThat(declared.graph()).isEqualTo(applied.graph());
        assertThat(declared.server()).isEqualTo(applied.server());
        assertThat(declared.database()).isEqualTo(shadows.names.get(0));

        // spelled as PostgreSQL spells it
        assertThat(declared.graph().table(new TableName("app", "Order")).orElseThrow().columns())
                .extracting(Column::name, Column::type, Column::defaultExpression)
                .contains(tuple("status", "app.status", "'new'::app.status"),
                        tuple("note", "text", "app.default_note()"),
                        tuple("memo", "text", "'tab\there; ''quoted'''::text"));
        assertThat(databaseExists(db, shadows.names.get(0))).as("the shadow is dropped").isFalse();
        assertThat(DeclaredSchema.load(file, shadows.provider, APP_AND_PUBLIC)).isEqualTo(declared.graph());
    }

    /**
     * Replayed in batched transactions, a declared file still runs as psql runs it: statements refused in a
     * transaction block run alone, an enum value added is usable by the statements after it, more statements than
     * one batch holds all run, and a file with its own transaction control runs statement by statement.
     */
    @Test
    void batchedReplayRunsWhatAutoCommitRuns(TestDatabase db, @TempDir Path dir) throws Exception {
        StringBuilder many = new StringBuilder("""
                CREATE TYPE mood AS ENUM ('happy');
                ALTER TYPE mood ADD VALUE 'sad';
                CREATE TABLE feelings (id int PRIMARY KEY, m mood NOT NULL DEFAULT 'sad');
                CREATE INDEX CONCURRENTLY feelings_m_idx ON feelings (m);
                """);
        for (int i = 0; i < DeclaredSchema.BATCH + 30; i++) {
            many.append("CREATE TABLE t_").append(i).append(" (id int PRIMARY KEY);\n");
            many.append("COMMENT ON TABLE t_").append(i).append(" IS 'number ").append(i).append("';\n");
        }
        String script = many.toString();
        Path file = write(dir, "schema.sql", script);
        SchemaGraph declared = DeclaredSchema.load(file, new NamedDatabases(db).provider, PUBLIC);
        // the same schema in one go: no CONCURRENTLY in a transaction block, the enum value declared at once
        applyDirectly(db, script.replace("CREATE INDEX CONCURRENTLY", "CREATE INDEX")
                .replace("CREATE TYPE mood AS ENUM ('happy');\nALTER TYPE mood ADD VALUE 'sad';",
                        "CREATE TYPE mood AS ENUM ('happy', 'sad');"));
        assertThat(declared).isEqualTo(introspect(db, PUBLIC).graph());
        assertThat(declared.tables()).hasSize(DeclaredSchema.BATCH + 31);

        // what behaves differently inside a transaction block runs alone, as in psql's auto-commit
        Path unusual = write(dir, "unusual.sql", """
                CREATE TABLE x1 (id int);
                DO $$ BEGIN CREATE TABLE x2 (id int); COMMIT; END $$;
                CREATE TYPE level AS ENUM ('low');
                DO $$ BEGIN EXECUTE 'ALTER TYPE level ADD VALUE ''high'''; END $$;
                CREATE TABLE x3 (l level NOT NULL DEFAULT 'high');
                CREATE SCHEMA other;
                SET LOCAL search_path = other;
                CREATE TABLE x4 (id int);
                CREATE TABLE p (id int PRIMARY KEY);
                CREATE TABLE ch (p_id int REFERENCES p (id) DEFERRABLE INITIALLY DEFERRED);
                """);
        assertThat(DeclaredSchema.load(unusual, new NamedDatabases(db).provider, PUBLIC).tables())
                .extracting(t -> t.name()).containsExactly("ch", "p", "x1", "x2", "x3", "x4");
        // a deferred constraint fails at its own statement, not at the batch's commit
        Path deferred = write(dir, "deferred.sql", """
                CREATE TABLE p (id int PRIMARY KEY);
                CREATE TABLE ch (p_id int REFERENCES p (id) DEFERRABLE INITIALLY DEFERRED);
                INSERT INTO ch VALUES (42);
                CREATE TABLE later (id int);
                """);
        assertThatThrownBy(() -> DeclaredSchema.load(deferred, new NamedDatabases(db).provider, PUBLIC))
                .hasMessageStartingWith(deferred + ":3:").hasMessageContaining("ch_p_id_fkey");

        Path withTransactions = write(dir, "tx.sql", """
                BEGIN;
                CREATE TABLE kept (id int);
                COMMIT;
                BEGIN;
                CREATE TABLE undone (id int);
                ROLLBACK;
                CREATE TABLE also_kept (id int);
                """);
        assertThat(DeclaredSchema.load(withTransactions, new NamedDatabases(db).provider, PUBLIC).tables())
                .extracting(t -> t.name()).containsExactly("also_kept", "kept");
    }

    @Test
    void aFailureInsideABatchNamesItsStatementAndLeavesNoTemporaryDatabase(TestDatabase db, @TempDir Path dir)
            throws Exception {
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            script.append("CREATE TABLE t_").append(i).append(" (id int);\n");
        }
        script.append("CREATE TABLE t_3 (id int);\n");
        Path file = write(dir, "schema.sql", script.toString());
        NamedDatabases shadows = new NamedDatabases(db);
        assertThatThrownBy(() -> DeclaredSchema.load(file, shadows.provider, PUBLIC))
                .hasMessageStartingWith(file + ":11:14: ").hasMessageContaining("\"t_3\" already exists");
        assertThat(databaseExists(db, shadows.names.get(0))).isFalse();
    }

    @Test
    void schemasTheFileDoesNotCreateAreSkipped(TestDatabase db, @TempDir Path dir) throws Exception {
        Path file = write(dir, "schema.sql", "CREATE TABLE t (id int);");
        SchemaGraph graph = DeclaredSchema.load(file, new NamedDatabases(db).provider,
                IntrospectionOptions.of(List.of("public", "not_declared")));
        assertThat(graph.schemas()).containsExactly("public");
        assertThat(graph.tables()).hasSize(1);
    }

    @Test
    void jsonAndYamlGraphsRoundTripWithoutAShadow(TestDatabase db, @TempDir Path dir) throws Exception {
        applyDirectly(db, SCHEMA);
        SchemaGraph graph = introspect(db, APP_AND_PUBLIC).graph();
        String json = SchemaGraphJson.toJson(graph);
        String yaml = YAMLMapper.builder().build().writeValueAsString(JsonMapper.builder().build().readTree(json));

        assertThat(DeclaredSchema.load(write(dir, "schema.json", json), NO_SHADOW, APP_AND_PUBLIC)).isEqualTo(graph);
        assertThat(DeclaredSchema.load(write(dir, "schema.yaml", yaml), NO_SHADOW, APP_AND_PUBLIC)).isEqualTo(graph);
        assertThat(DeclaredSchema.load(write(dir, "schema.YML", yaml), NO_SHADOW, APP_AND_PUBLIC)).isEqualTo(graph);
        assertThatThrownBy(() -> DeclaredSchema.load(write(dir, "broken.json", "{\"tables\": 3}"), NO_SHADOW,
                APP_AND_PUBLIC)).isInstanceOf(ZanithException.class).hasMessageContaining("broken.json");
    }

    @Test
    void badDdlOnLine7ReportsFileLineColumnAndLeavesNoTemporaryDatabase(TestDatabase db, @TempDir Path dir)
            throws Exception {
        Path file = write(dir, "file.sql", """
                -- line 1
                CREATE TABLE ok1 (id int);
                CREATE TABLE ok2 (
                  id int
                );

                CREATE TABEL broken (id int);
                CREATE TABLE never (id int);
                """);
        NamedDatabases shadows = new NamedDatabases(db);
        assertThatThrownBy(() -> DeclaredSchema.load(file, shadows.provider, IntrospectionOptions.defaults()))
                .isInstanceOf(ZanithException.class)
                .hasMessageStartingWith(file + ":7:8: syntax error at or near \"TABEL\" [SQLSTATE 42601] (in the "
                        + "statement starting at line 7: CREATE TABEL broken (id int))");
        assertThat(shadows.names).hasSize(1);
        assertThat(databaseExists(db, shadows.names.get(0))).isFalse();
        assertThat(introspect(db, IntrospectionOptions.defaults()).graph().tables()).as("nothing written").isEmpty();
    }

    @Test
    void errorsInsideALongStatementPointAtTheirOwnLine(TestDatabase db, @TempDir Path dir) throws Exception {
        Path file = write(dir, "schema.sql", """
                CREATE TABLE accounts (id int PRIMARY KEY);
                CREATE TABLE orders (
                  id int PRIMARY KEY,
                  account_id int REFERENCES accounts,
                  amount monye NOT NULL,
                  note text
                );
                """);
        assertThatThrownBy(() -> DeclaredSchema.load(file, new NamedDatabases(db).provider,
                IntrospectionOptions.defaults()))
                .isInstanceOf(ZanithException.class)
                .hasMessageStartingWith(file + ":5:10: type \"monye\" does not exist [SQLSTATE 42704] (in the "
                        + "statement starting at line 2: CREATE TABLE orders ( id int PRIMARY KEY, account_id int "
                        + "REFERENCES accounts, am...)");
    }

    @Test
    void theServersDetailAndHintAreIncluded(TestDatabase db, @TempDir Path dir) throws Exception {
        Path file = write(dir, "schema.sql", """
                CREATE TABLE t (a int);
                INSERT INTO t VALUES (1), (1);
                CREATE UNIQUE INDEX t_a ON t (a);
                """);
        assertThatThrownBy(() -> DeclaredSchema.load(file, new NamedDatabases(db).provider,
                IntrospectionOptions.defaults()))
                .isInstanceOf(ZanithException.class)
                .hasMessageStartingWith(file + ":3:1: could not create unique index \"t_a\"")
                .hasMessageContaining("DETAIL: Key (a)=(1) is duplicated.");
        Path hinted = write(dir, "hinted.sql", "CREATE TABLE t (a int);\nSELECT nosuchfunction(a) FROM t;\n");
        assertThatThrownBy(() -> DeclaredSchema.load(hinted, new NamedDatabases(db).provider,
                IntrospectionOptions.defaults()))
                .hasMessageStartingWith(hinted + ":2:8: function nosuchfunction(integer) does not exist")
                .hasMessageContaining("HINT: No function matches the given name and argument types.");
    }

    @Test
    void aMissingExtensionIsAClearError(TestDatabase db, @TempDir Path dir) throws Exception {
        try (Connection c = db.connect()) {
            assumeThat(Jdbc.query(c, "SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'", rs -> 1))
                    .as("this server has postgis").isEmpty();
        }
        Path file = write(dir, "schema.sql",
                "CREATE TABLE t (id int);\n  CREATE EXTENSION IF NOT EXISTS \"postgis\";\n");
        NamedDatabases shadows = new NamedDatabases(db);
        assertThatThrownBy(() -> DeclaredSchema.load(file, shadows.provider, IntrospectionOptions.defaults()))
                .isInstanceOf(ZanithException.class)
                .hasMessageStartingWith(file + ":2:3: extension postgis is not available on the server of the "
                        + "temporary shadow database " + shadows.names.get(0) + " on jdbc:postgresql://")
                .hasMessageContaining("(in the statement starting at line 2: CREATE EXTENSION IF NOT EXISTS "
                        + "\"postgis\"). Install the extension on that server, or use --shadow <url> of a server "
                        + "that has it.");
        assertThat(databaseExists(db, shadows.names.get(0))).isFalse();
    }

    @Test
    void aTypeFromAnUndeclaredExtensionGetsAHint(TestDatabase db, @TempDir Path dir) throws Exception {
        Path file = write(dir, "schema.sql", "CREATE TABLE users (email citext);\n");
        assertThatThrownBy(() -> DeclaredSchema.load(file, new NamedDatabases(db).provider,
                IntrospectionOptions.defaults()))
                .hasMessageStartingWith(file + ":1:27: type \"citext\" does not exist")
                .hasMessageContaining("HINT: type citext comes from the extension citext: declare it with CREATE "
                        + "EXTENSION IF NOT EXISTS citext; before this statement.");
    }

    @Test
    void serverWideStatementsAreNotRunOnASharedServer(TestDatabase db, @TempDir Path dir) throws Exception {
        String role = "zanith_declared_role_" + ProcessHandle.current().pid();
        Path file = write(dir, "schema.sql", "CREATE TABLE t (id int);\n\n-- needed for policies\nCREATE ROLE "
                + role + ";\n");
        NamedDatabases shadows = new NamedDatabases(db);
        assertThatThrownBy(() -> DeclaredSchema.load(file, shadows.provider, IntrospectionOptions.defaults()))
                .isInstanceOf(ZanithException.class)
                .hasMessageStartingWith(file + ":4:1: CREATE ROLE changes the whole PostgreSQL server, not just the "
                        + "shadow database")
                .hasMessageContaining("--shadow embedded");
        try (Connection c = db.connect()) {
            assertThat(Jdbc.query(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", rs -> 1, role)).isEmpty();
        }
        assertThat(shadows.names).as("refused before a shadow was opened").isEmpty();

        for (String statement : List.of("ALTER DATABASE postgres SET work_mem = '1MB'", "GRANT pg_read_all_data TO x",
                "ALTER SYSTEM SET work_mem = '1MB'", "DROP TABLESPACE t", "COMMENT ON ROLE x IS 'y'",
                "REVOKE CONNECT ON DATABASE postgres FROM PUBLIC", "DROP OWNED BY x")) {
            Path one = write(dir, "one.sql", statement + ";");
            assertThatThrownBy(() -> DeclaredSchema.load(one, shadows.provider, IntrospectionOptions.defaults()))
                    .as(statement).hasMessageContaining("changes the whole PostgreSQL server");
        }
        assertThat(shadows.names).isEmpty();
    }

    @Test
    void schemaLevelStatementsThatLookServerWideAreRun(TestDatabase db, @TempDir Path dir) throws Exception {
        Path file = write(dir, "schema.sql", """
                CREATE TABLE t (id int);
                GRANT SELECT ON t TO PUBLIC;
                REVOKE ALL ON SCHEMA public FROM PUBLIC;
                COMMENT ON TABLE t IS 'role; database';
                CREATE FOREIGN DATA WRAPPER dummy;
                CREATE SERVER s FOREIGN DATA WRAPPER dummy;
                CREATE USER MAPPING FOR PUBLIC SERVER s;
                """);
        assertThat(DeclaredSchema.load(file, new NamedDatabases(db).provider, IntrospectionOptions.defaults())
                .tables()).hasSize(1);
    }

    @Test
    void psqlMetaCommandsAreRefusedExceptPgDumpsRestrict(TestDatabase db, @TempDir Path dir) throws Exception {
        Path dump = write(dir, "dump.sql", "\\restrict abc123\nCREATE TABLE t (id int);\n\\unrestrict abc123\n");
        assertThat(DeclaredSchema.load(dump, new NamedDatabases(db).provider, IntrospectionOptions.defaults())
                .tables()).hasSize(1);
        Path connect = write(dir, "connect.sql", "CREATE TABLE t (id int);\n\\connect app\n");
        assertThatThrownBy(() -> DeclaredSchema.load(connect, NO_SHADOW, IntrospectionOptions.defaults()))
                .isInstanceOf(ZanithException.class)
                .hasMessageStartingWith(connect + ":2:1: psql meta-command \\connect is not SQL");
    }

    @Test
    void loadIntoAnOpenShadowKeepsItOpenForMoreSteps(TestDatabase db, @TempDir Path dir) throws Exception {
        Path first = write(dir, "first.sql", "CREATE SCHEMA app; CREATE TABLE app.a (id int);");
        Path second = write(dir, "second.sql", "CREATE TABLE app.b (id int REFERENCES app.a (id));");
        NamedDatabases shadows = new NamedDatabases(db);
        try (Shadow shadow = shadows.provider.open()) {
            LiveSchema one = DeclaredSchema.loadInto(first, shadow, APP_AND_PUBLIC);
            assertThat(one.server().major()).isEqualTo(db.server().majorVersion());
            assertThat(one.graph().tables()).hasSize(1);
            assertThatThrownBy(() -> DeclaredSchema.loadInto(second, shadow, APP_AND_PUBLIC))
                    .hasMessageContaining("there is no unique constraint matching given keys");
            LiveSchema two = DeclaredSchema.loadInto(SqlScript.parse("ALTER TABLE app.a ADD PRIMARY KEY (id);\n"
                    + "CREATE TABLE app.b (id int REFERENCES app.a (id));"), "inline", shadow, APP_AND_PUBLIC);
            assertThat(two.graph().tables()).hasSize(2);
            assertThat(two.graph().foreignKeyCount()).isEqualTo(1);
            assertThat(databaseExists(db, shadows.names.get(0))).isTrue();
        }
        assertThat(databaseExists(db, shadows.names.get(0))).isFalse();
    }

    @Test
    void missingFilesAndUnknownFormatsAreClearErrors(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nowhere/schema.sql");
        assertThatThrownBy(() -> DeclaredSchema.load(missing, NO_SHADOW, IntrospectionOptions.defaults()))
                .isInstanceOf(ZanithConfigException.class)
                .hasMessageContaining("Declared schema file not found: " + missing);
        Path text = write(dir, "schema.txt", "CREATE TABLE t (id int);");
        assertThatThrownBy(() -> DeclaredSchema.load(text, NO_SHADOW, IntrospectionOptions.defaults()))
                .isInstanceOf(ZanithConfigException.class)
                .hasMessageContaining("Cannot tell the format of the declared schema " + text)
                .hasMessageContaining(".sql").hasMessageContaining(".json").hasMessageContaining(".yaml");
        assertThat(DeclaredSchema.Format.of(Path.of("a/b.SQL"))).isEqualTo(DeclaredSchema.Format.SQL);
    }

    @Test
    void anEmptyFileDeclaresAnEmptySchema(TestDatabase db, @TempDir Path dir) throws Exception {
        Path file = write(dir, "schema.sql", "-- nothing yet;\n");
        SchemaGraph graph = DeclaredSchema.load(file, new NamedDatabases(db).provider, IntrospectionOptions.defaults());
        assertThat(graph.tables()).isEmpty();
        assertThat(graph.extensions()).isEmpty();
    }
}
