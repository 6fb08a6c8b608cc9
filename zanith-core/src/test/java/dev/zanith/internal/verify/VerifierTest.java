package dev.zanith.internal.verify;

import dev.zanith.api.output.Difference;
import dev.zanith.api.output.ObservedStep;
import dev.zanith.api.output.VerifyOutcome;
import dev.zanith.api.output.VerifyResult;
import dev.zanith.internal.jdbc.ConnectionSource;
import dev.zanith.internal.introspect.IntrospectionOptions;
import dev.zanith.internal.introspect.Introspector;
import dev.zanith.api.migration.Migration;
import dev.zanith.internal.migration.MigrationLoader;
import dev.zanith.api.migration.MigrationResource;
import dev.zanith.api.ops.RenderContext;
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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@RealPostgres
class VerifierTest {

    static final String LIVE = """
            CREATE TABLE users (id bigint PRIMARY KEY, email varchar(50) NOT NULL, n integer, name text);
            CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, total numeric);
            INSERT INTO users VALUES (1, 'a@b.c', 1, 'a');
            """;

    static Migration migration(String id, String body) {
        String text = body.startsWith("id:") ? body : "id: " + id + "\noperations:\n" + body;
        String file = id + (body.startsWith("--sql\n") ? ".sql" : ".yaml");
        String content = body.startsWith("--sql\n") ? body.substring(6) : text;
        return MigrationLoader.parse(new MigrationResource(file, file, content.getBytes(StandardCharsets.UTF_8)));
    }

    static VerifyResult verify(TestDatabase db, SchemaGraph declared, Migration... pending) throws Exception {
        SchemaGraph live;
        try (Connection c = db.connect()) {
            live = new Introspector(IntrospectionOptions.defaults()).introspect(c).graph();
        }
        ShadowSource shadow = ShadowProviders.temporaryDatabase(ConnectionSource.of(db.jdbcUrl(), null, null));
        return new Verifier().verify(new Verifier.Request(live, List.of(pending), declared, "schema.sql", shadow,
                IntrospectionOptions.defaults(), RenderContext.DEFAULT_ARCHIVE_SCHEMA));
    }

    static ObservedStep only(VerifyResult result) {
        assertThat(result.verdict()).as(String.valueOf(result.failedStep())).isEqualTo(VerifyOutcome.VERIFIED);
        assertThat(result.steps()).hasSize(1);
        return result.steps().get(0);
    }

    @Test
    void addingANullableColumnTakesAccessExclusiveBrieflyWithoutRewrite(TestDatabase db) throws Exception {
        db.execute(LIVE);
        ObservedStep step = only(verify(db, null, migration("1_a", """
                  - addColumn: {table: users, column: {name: last_login, type: timestamptz}}
                """)));
        assertThat(step.tableLocks()).containsEntry("public.users", LockMode.ACCESS_EXCLUSIVE);
        assertThat(step.rewrote()).isFalse();
    }

    @Test
    void aVolatileDefaultRewritesTheTable(TestDatabase db) throws Exception {
        db.execute(LIVE);
        ObservedStep step = only(verify(db, null, migration("1_a", """
                  - addColumn: {table: users, column: {name: token, type: double precision, defaultExpression: random()}}
                """)));
        assertThat(step.tableLocks()).containsEntry("public.users", LockMode.ACCESS_EXCLUSIVE);
        assertThat(step.rewrittenTables()).containsExactly("public.users");
        assertThat(step.rebuiltIndexes()).containsExactly("public.users_pkey");
    }

    @Test
    void intToBigintRewritesButVarcharWideningDoesNot(TestDatabase db) throws Exception {
        db.execute(LIVE);
        VerifyResult result = verify(db, null, migration("1_a", """
                  - alterColumnType: {table: users, column: n, type: bigint}
                  - alterColumnType: {table: users, column: email, type: varchar(200)}
                """));
        assertThat(result.verdict()).isEqualTo(VerifyOutcome.VERIFIED);
        assertThat(result.steps().get(0).tableLocks()).containsEntry("public.users", LockMode.ACCESS_EXCLUSIVE);
        assertThat(result.steps().get(0).rewrittenTables()).containsExactly("public.users");
        assertThat(result.steps().get(1).tableLocks()).containsEntry("public.users", LockMode.ACCESS_EXCLUSIVE);
        assertThat(result.steps().get(1).rewrote()).isFalse();
    }

    @Test
    void createIndexTakesShareButConcurrentlyOnlyShareUpdateExclusive(TestDatabase db) throws Exception {
        db.execute(LIVE);
        VerifyResult result = verify(db, null, migration("1_a", """
                  - addIndex: {table: users, index: {name: users_name, keys: [name]}, concurrently: false}
                  - addIndex: {table: users, index: {name: users_n, keys: [n]}, concurrently: true}
                """));
        assertThat(result.verdict()).isEqualTo(VerifyOutcome.VERIFIED);
        assertThat(result.steps().get(0).tableLocks()).containsEntry("public.users", LockMode.SHARE);
        assertThat(result.steps().get(1).lockObserved()).isTrue();
        assertThat(result.steps().get(1).tableLocks()).containsEntry("public.users", LockMode.SHARE_UPDATE_EXCLUSIVE);
        assertThat(result.steps()).noneMatch(ObservedStep::rewrote);
    }

    @Test
    void foreignKeysLockBothTablesValidOrNot(TestDatabase db) throws Exception {
        db.execute(LIVE);
        VerifyResult result = verify(db, null, migration("1_a", """
                  - addForeignKey: {table: orders, foreignKey: {name: orders_user_fkey, columns: [user_id], referencedTable: users, referencedColumns: [id]}, notValid: true}
                  - validateConstraint: {table: orders, name: orders_user_fkey}
                  - addForeignKey: {table: orders, foreignKey: {name: orders_user_fkey2, columns: [user_id], referencedTable: users, referencedColumns: [id]}}
                """));
        assertThat(result.verdict()).isEqualTo(VerifyOutcome.VERIFIED);
        assertThat(result.steps().get(0).tableLocks()).containsEntry("public.orders", LockMode.SHARE_ROW_EXCLUSIVE)
                .containsEntry("public.users", LockMode.SHARE_ROW_EXCLUSIVE);
        assertThat(result.steps().get(1).tableLocks()).containsEntry("public.orders", LockMode.SHARE_UPDATE_EXCLUSIVE)
                .containsEntry("public.users", LockMode.ROW_SHARE);
        assertThat(result.steps().get(2).tableLocks()).containsEntry("public.orders", LockMode.SHARE_ROW_EXCLUSIVE)
                .containsEntry("public.users", LockMode.SHARE_ROW_EXCLUSIVE);
    }

    @Test
    void setNotNullTakesAccessExclusiveWithoutRewrite(TestDatabase db) throws Exception {
        db.execute(LIVE);
        ObservedStep step = only(verify(db, null, migration("1_a", """
                  - setNotNull: {table: users, column: name}
                """)));
        assertThat(step.tableLocks()).containsEntry("public.users", LockMode.ACCESS_EXCLUSIVE);
        assertThat(step.rewrote()).isFalse();
    }

    @Test
    void rawSqlIsClassifiedByWhatItDoes(TestDatabase db) throws Exception {
        db.execute(LIVE);
        VerifyResult result = verify(db, null, migration("1_raw", """
                --sql
                ALTER TABLE users ADD COLUMN last_login timestamptz;
                ALTER TABLE users ALTER COLUMN n TYPE bigint;
                ALTER TABLE orders ADD CONSTRAINT orders_user_fkey FOREIGN KEY (user_id) REFERENCES users NOT VALID;
                CREATE INDEX users_name ON users (name);
                ALTER TABLE users ALTER COLUMN name SET NOT NULL;
                """));
        ObservedStep step = only(result);
        assertThat(step.operationKind()).isEqualTo("rawSql");
        assertThat(step.inferredKinds()).containsExactly("addColumn", "alterColumnType", "addForeignKey", "addIndex",
                "setNotNull");
        assertThat(step.tableLocks()).containsEntry("public.users", LockMode.ACCESS_EXCLUSIVE)
                .containsEntry("public.orders", LockMode.SHARE_ROW_EXCLUSIVE);
        assertThat(step.rewrittenTables()).containsExactly("public.users");
    }

    @Test
    void rawConcurrentIndexIsObservedOutsideATransaction(TestDatabase db) throws Exception {
        db.execute(LIVE);
        ObservedStep step = only(verify(db, null, migration("1_raw", "--sql\n-- zanith:transaction=none\nCREATE INDEX CONCURRENTLY users_name ON users (name);\n")));
        assertThat(step.inferredKinds()).containsExactly("addIndex");
        assertThat(step.tableLocks()).containsEntry("public.users", LockMode.SHARE_UPDATE_EXCLUSIVE);
    }

    @Test
    void aSqlFileWithCopyDataIsRehearsedThroughTheCopyProtocolAndAFailureNamesItsLine(TestDatabase db) throws Exception {
        db.execute(LIVE);
        ObservedStep step = only(verify(db, null, migration("1_copy", "--sql\nCREATE TABLE currency (id int, code text);\n"
                + "COPY currency FROM stdin;\n1\tEUR\n2\tJPY\n\\.\n")));
        assertThat(step.failed()).as(String.valueOf(step.error())).isFalse();
        assertThat(step.inferredKinds()).containsExactly("createTable");
        VerifyResult result = verify(db, null, migration("2_copy", "--sql\nCREATE TABLE currency (id int);\n"
                + "COPY currency FROM stdin;\nnot-a-number\n\\.\n"));
        assertThat(result.verdict()).isEqualTo(VerifyOutcome.FAILED);
        ObservedStep failed = result.steps().get(0);
        assertThat(failed.error()).startsWith("2_copy.sql:2: ").contains("in the statement starting at line 2: COPY currency FROM stdin");
    }

    @Test
    void verifiedWhenTheResultMatchesTheDeclaredSchema(TestDatabase db, @TempDir Path dir) throws Exception {
        db.execute(LIVE);
        Path declared = dir.resolve("schema.sql");
        Files.writeString(declared, LIVE.replace("name text);", "name text, last_login timestamptz);")
                .replace("INSERT INTO users VALUES (1, 'a@b.c', 1, 'a');", ""));
        SchemaGraph declaredGraph = DeclaredSchema.load(declared, ShadowProviders.temporaryDatabase(
                ConnectionSource.of(db.jdbcUrl(), null, null)), IntrospectionOptions.defaults());
        VerifyResult result = verify(db, declaredGraph, migration("1_a", """
                  - addColumn: {table: users, column: {name: last_login, type: timestamptz}}
                """));
        assertThat(result.verdict()).isEqualTo(VerifyOutcome.VERIFIED);
        assertThat(result.comparedWith()).isEqualTo("the declared schema (schema.sql)");
    }

    @Test
    void driftListsWhatDiffersModelByModelFieldByField(TestDatabase db, @TempDir Path dir) throws Exception {
        db.execute(LIVE);
        Path declared = dir.resolve("schema.sql");
        Files.writeString(declared, """
                CREATE TABLE users (id bigint PRIMARY KEY, email varchar(50) NOT NULL, n bigint, name text, last_login timestamptz);
                CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, total numeric);
                """);
        SchemaGraph declaredGraph = DeclaredSchema.load(declared, ShadowProviders.temporaryDatabase(
                ConnectionSource.of(db.jdbcUrl(), null, null)), IntrospectionOptions.defaults());
        VerifyResult result = verify(db, declaredGraph, migration("1_a", """
                  - addColumn: {table: users, column: {name: last_seen, type: timestamptz}}
                """));
        assertThat(result.verdict()).isEqualTo(VerifyOutcome.DRIFT);
        assertThat(result.differences()).extracting(Difference::describe).containsExactlyInAnyOrder(
                "public.users.n: type expected bigint, found integer",
                "public.users.last_login: expected but missing (column)",
                "public.users.last_seen: present but not expected (column)");
    }

    @Test
    void withNothingPendingADeclaredSchemaIsStillComparedWithTheLiveOne(TestDatabase db, @TempDir Path dir)
            throws Exception {
        db.execute(LIVE);
        Path declared = dir.resolve("schema.sql");
        Files.writeString(declared, LIVE.replace("n integer", "n bigint").replace("INSERT INTO users VALUES (1, 'a@b.c', 1, 'a');", ""));
        SchemaGraph drifted = DeclaredSchema.load(declared, ShadowProviders.temporaryDatabase(
                ConnectionSource.of(db.jdbcUrl(), null, null)), IntrospectionOptions.defaults());
        VerifyResult result = verify(db, drifted);
        assertThat(result.verdict()).isEqualTo(VerifyOutcome.DRIFT);
        assertThat(result.steps()).isEmpty();
        assertThat(result.differences()).extracting(Difference::describe)
                .containsExactly("public.users.n: type expected bigint, found integer");

        Files.writeString(declared, LIVE.replace("INSERT INTO users VALUES (1, 'a@b.c', 1, 'a');", ""));
        SchemaGraph same = DeclaredSchema.load(declared, ShadowProviders.temporaryDatabase(
                ConnectionSource.of(db.jdbcUrl(), null, null)), IntrospectionOptions.defaults());
        assertThat(verify(db, same).verdict()).isEqualTo(VerifyOutcome.NOTHING_PENDING);
        assertThat(verify(db, null).verdict()).isEqualTo(VerifyOutcome.NOTHING_PENDING);
    }

    @Test
    void aShadowOfAnotherMajorVersionIsNamedInAWarning() {
        assertThat(Verifier.majorVersionWarning(new dev.zanith.api.schema.ServerVersion(150008),
                new dev.zanith.api.schema.ServerVersion(180001))).hasValueSatisfying(w -> assertThat(w)
                .contains("the shadow runs PostgreSQL 18.1 but the target runs 15.8").contains("PostgreSQL 15 shadow"));
        assertThat(Verifier.majorVersionWarning(new dev.zanith.api.schema.ServerVersion(180003),
                new dev.zanith.api.schema.ServerVersion(180001))).isEmpty();
    }

    @Test
    void aRehearsalOnTheTargetsOwnServerCarriesNoVersionWarning(TestDatabase db) throws Exception {
        db.execute(LIVE);
        SchemaGraph live;
        dev.zanith.api.schema.ServerVersion server;
        try (Connection c = db.connect()) {
            var inspected = new Introspector(IntrospectionOptions.defaults()).introspect(c);
            live = inspected.graph();
            server = inspected.server();
        }
        VerifyResult result = new Verifier().verify(new Verifier.Request(live, List.of(migration("1_a", """
                  - addColumn: {table: users, column: {name: last_login, type: timestamptz}}
                """)), null, null, ShadowProviders.temporaryDatabase(ConnectionSource.of(db.jdbcUrl(), null, null)),
                IntrospectionOptions.defaults(), RenderContext.DEFAULT_ARCHIVE_SCHEMA, java.util.Map.of(), server, java.util.Map.of(), null));
        assertThat(result.verdict()).isEqualTo(VerifyOutcome.VERIFIED);
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void driftWithoutADeclaredSchemaWhenAStepDoesNotDoWhatItSays(TestDatabase db) throws Exception {
        db.execute("CREATE EXTENSION citext;" + LIVE);
        VerifyResult result = verify(db, null, migration("1_a", """
                  - createSchema: {schema: ext}
                  - createExtension: {name: citext, schema: ext}
                """));
        assertThat(result.verdict()).isEqualTo(VerifyOutcome.DRIFT);
        assertThat(result.comparedWith()).isEqualTo("the expected result of the pending migrations");
        assertThat(result.differences()).extracting(Difference::describe)
                .contains("extension citext: schema expected ext, found public");
    }

    @Test
    void failedNamesTheStepAndTheServersError(TestDatabase db) throws Exception {
        db.execute(LIVE);
        VerifyResult result = verify(db, null, migration("1_a", """
                  - addColumn: {table: users, column: {name: ok, type: text}}
                  - addColumn: {table: nope, column: {name: x, type: text}}
                """));
        assertThat(result.verdict()).isEqualTo(VerifyOutcome.FAILED);
        assertThat(result.failedStep().stepIndex()).isEqualTo(2);
        assertThat(result.failedStep().error()).contains("relation \"public.nope\" does not exist");
        assertThat(result.failedStep().sqlState()).isEqualTo("42P01");
    }

    @Test
    void nothingPending(TestDatabase db) throws Exception {
        db.execute(LIVE);
        assertThat(verify(db, null).verdict()).isEqualTo(VerifyOutcome.NOTHING_PENDING);
    }
}
