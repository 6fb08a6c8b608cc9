package dev.zanith.internal.command;

import dev.zanith.TestSettings;
import dev.zanith.api.output.GenerateResult;
import dev.zanith.api.GenerateRequest;
import dev.zanith.api.GenerateRefusedException;
import dev.zanith.ZanithConfig;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.api.DiffOptions;
import dev.zanith.internal.jdbc.ConnectionSource;
import dev.zanith.internal.shadow.ShadowProviders;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import dev.zanith.api.output.Difference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code generate} end to end on a real server: it writes only migrations it has proven on a shadow. */
@RealPostgres
class GenerateTest {

    @TempDir
    Path dir;

    private GenerateResult generate(TestDatabase db, String declaredDdl, List<String> schemas) throws IOException {
        Path declared = dir.resolve("schema.sql");
        Files.writeString(declared, declaredDdl);
        ZanithConfig.Builder config = ZanithConfig.builder().url(db.jdbcUrl());
        if (schemas != null) {
            config.schemas(schemas);
        }
        ZanithConfig built = config.build();
        return new Generate(TestSettings.of(built)).run(new GenerateRequest(declared, dir.resolve("migrations"), null,
                DiffOptions.defaults(), ShadowProviders.temporaryDatabase(ConnectionSource.of(db.jdbcUrl(), null, null)),
                Instant.now(), schemas));
    }

    /** Applies the written migrations with the real runner, gates wide open (the gates have their own tests). */
    private void apply(TestDatabase db, List<String> schemas) {
        ZanithConfig.Builder config = ZanithConfig.builder().url(db.jdbcUrl()).allowDestructive(true).maxRisk(100)
                .migrations(new dev.zanith.api.migration.DirectoryMigrationSource(dir.resolve("migrations")));
        if (schemas != null) {
            config.schemas(schemas);
        }
        dev.zanith.api.output.ApplyResult result = new Apply(TestSettings.of(config.build()), dev.zanith.api.ApplyListener.NONE).run();
        assertThat(result.succeeded()).as(String.valueOf(result)).isTrue();
    }

    private List<Path> files() throws IOException {
        if (!Files.isDirectory(dir.resolve("migrations"))) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir.resolve("migrations"))) {
            return files.toList();
        }
    }

    @Test
    void refusesAndWritesNothingWhenTheDifferenceCannotBeWritten(TestDatabase db) throws Exception {
        // A plain column declared generated: converting it would overwrite data, so the differ leaves it to a hand-written
        // migration (UNLOGGED, refused here before, is now written as setPersistence).
        db.execute("CREATE TABLE scratch (a int, b int); CREATE TABLE users (id int PRIMARY KEY);");
        assertThatThrownBy(() -> generate(db, "CREATE TABLE scratch (a int, b int GENERATED ALWAYS AS (a * 2) STORED);"
                + "CREATE TABLE users (id int PRIMARY KEY, email text);", null))
                .isInstanceOfSatisfying(GenerateRefusedException.class, e -> {
                    assertThat(e.differences()).extracting(Difference::describe).singleElement().asString()
                            .startsWith("public.scratch.b: generated expected ").endsWith(", found null");
                    assertThat(e.getMessage()).startsWith("generate wrote no file: applied on a shadow")
                            .contains("public.scratch.b: generated expected ");
                });
        assertThat(files()).isEmpty();
    }

    /**
     * A second run for the same live schema proves its migration on a copy of the shadow template the first run
     * kept: shown by a template that holds one table more, which the proof then finds.
     */
    @Test
    void aSecondRunForTheSameLiveSchemaProvesOnACopyOfTheShadowTemplate(TestDatabase db) throws Exception {
        String table = "t_" + java.util.UUID.randomUUID().toString().replace("-", ""); // a schema no run has seen
        db.execute("CREATE TABLE " + table + " (id int PRIMARY KEY)");
        String declared = "CREATE TABLE " + table + " (id int PRIMARY KEY); CREATE TABLE added (id int);";
        List<String> before = templates(db);
        assertThat(generate(db, declared, null).operations()).hasSize(1);
        List<String> made = new java.util.ArrayList<>(templates(db));
        made.removeAll(before);
        try {
            assertThat(made).hasSize(1);
            String template = made.get(0);
            db.execute("ALTER DATABASE " + template + " WITH ALLOW_CONNECTIONS true");
            try (java.sql.Connection c = ConnectionSource.of(db.jdbcUrl(), null, null).withDatabase(template).open()) {
                dev.zanith.internal.jdbc.Jdbc.execute(c, "CREATE TABLE public.poison (id int)");
            }
            db.execute("ALTER DATABASE " + template + " WITH ALLOW_CONNECTIONS false");
            for (Path file : files()) {
                Files.delete(file);
            }
            assertThatThrownBy(() -> generate(db, declared, null)).isInstanceOf(GenerateRefusedException.class)
                    .hasMessageContaining("does not reach the declared schema").hasMessageContaining("poison");
        } finally {
            for (String template : made) {
                db.execute("DROP DATABASE IF EXISTS " + template);
            }
        }
    }

    private static List<String> templates(TestDatabase db) {
        return db.queryForRows("SELECT datname FROM pg_database WHERE starts_with(datname, 'zanith_shadow_template_')")
                .stream().map(row -> row.substring(0, row.length() - 1)).toList(); // rows end with |
    }

    /** generate refuses with a message containing every fragment, and writes nothing. */
    private void assertRefused(TestDatabase db, String declared, String... fragments) throws IOException {
        assertThatThrownBy(() -> generate(db, declared, null)).isInstanceOf(GenerateRefusedException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(fragments));
        assertThat(files()).isEmpty();
    }

    private dev.zanith.api.output.Plan plan(TestDatabase db) {
        return new dev.zanith.Zanith(ZanithConfig.builder().url(db.jdbcUrl())
                .migrations(new dev.zanith.api.migration.DirectoryMigrationSource(dir.resolve("migrations"))).build()).plan();
    }

    @Test
    void neverSaysNothingToDoWhileTheSchemasDiffer(TestDatabase db) throws Exception {
        db.execute("CREATE SCHEMA ext; CREATE EXTENSION hstore SCHEMA ext;");
        assertRefused(db, "CREATE EXTENSION hstore;", "only in ways generate cannot write",
                "extension hstore: schema expected public, found ext");
    }

    /**
     * {@code IN (...)} on a varchar column prints one way when declared and another once a migration ran the printed
     * text (Hibernate's enum checks): generate must reach it, and then find nothing to do.
     */
    @Test
    void aVarcharInListCheckIsWrittenAppliedAndThenNothingIsMissing(TestDatabase db) throws Exception {
        String declared = "CREATE TABLE orders (status varchar(20) NOT NULL CHECK (status IN ('PLACED', 'it''s')));";
        GenerateResult created = generate(db, declared, null);
        assertThat(created.file()).isNotNull();
        apply(db, null);
        assertThat(db.queryForRows("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = "
                + "'orders_status_check'")).singleElement().asString()
                .contains("ARRAY[('PLACED'::character varying)::text, ('it''s'::character varying)::text]");
        assertThat(generate(db, declared, null).nothingToDo()).isTrue();
        // and a live database whose check was written by hand has nothing missing either
        db.execute("DROP TABLE orders; " + declared);
        assertThat(generate(db, declared, null).nothingToDo()).isTrue();
    }

    @Test
    void tablesWithoutColumnsAreCreatedAndDropped(TestDatabase db) throws Exception {
        GenerateResult created = generate(db, "CREATE TABLE foo ();", null);
        assertThat(created.file()).isNotNull();
        assertThat(Files.readString(created.file())).contains("createTable");
        apply(db, null);
        assertThat(generate(db, "CREATE TABLE foo ();", null).nothingToDo()).isTrue();
    }

    @Test
    void objectsInOtherSchemasAreInScopeByDefault(TestDatabase db) throws Exception {
        String old = "CREATE SCHEMA schema_1; CREATE TABLE schema_1.foobar (id int PRIMARY KEY, foo varchar(255));";
        db.execute(old);
        GenerateResult result = generate(db, old + "CREATE INDEX some_idx ON schema_1.foobar (id DESC, foo);", null);
        assertThat(result.scope().schemas()).containsExactly("schema_1");
        assertThat(result.operations()).extracting(o -> o.summary()).singleElement().asString().contains("some_idx");
        apply(db, List.of("schema_1"));
        GenerateResult again = generate(db, old + "CREATE INDEX some_idx ON schema_1.foobar (id DESC, foo);", null);
        assertThat(again.nothingToDo()).isTrue();
    }

    @Test
    void aDeclaredObjectOutsideExplicitSchemasIsAnError(TestDatabase db) throws Exception {
        assertThatThrownBy(() -> generate(db, "CREATE SCHEMA schema_1; CREATE TABLE schema_1.foobar (id int);"
                + "CREATE TABLE t (id int);", List.of("public")))
                .isInstanceOf(dev.zanith.api.exception.ZanithConfigException.class)
                .hasMessageContaining("table schema_1.foobar outside --schemas public")
                .hasMessageContaining("Add schema_1 to --schemas");
        assertThat(files()).isEmpty();
    }

    @Test
    void schemasOutsideTheScopeAreNamedNotSilentlySkipped(TestDatabase db) throws Exception {
        db.execute("CREATE SCHEMA other; CREATE TABLE other.t (id int);");
        GenerateResult result = generate(db, "CREATE TABLE users (id int PRIMARY KEY);", null);
        assertThat(result.scope().schemas()).containsExactly("public");
        assertThat(result.warnings()).anyMatch(w -> w.startsWith("schema other is outside the scope"));
    }

    private static final String STATUS_OLD = "CREATE TYPE status AS ENUM ('ONE', 'TWO');"
            + "CREATE TABLE clients (id int PRIMARY KEY, status status NOT NULL DEFAULT 'ONE');";
    private static final String STATUS_NEW = "CREATE TYPE status AS ENUM ('ONE', 'FOUR');"
            + "CREATE TABLE clients (id int PRIMARY KEY, status status NOT NULL DEFAULT 'FOUR');";

    @Test
    void enumValueRemovedAndDefaultMovedToANewOneApplies(TestDatabase db) throws Exception {
        db.execute(STATUS_OLD + "INSERT INTO clients VALUES (1, 'ONE');");
        GenerateResult result = generate(db, STATUS_NEW, null);
        assertThat(result.warnings()).isEmpty();
        dev.zanith.api.output.Plan plan = plan(db);
        assertThat(plan.steps()).noneMatch(dev.zanith.api.output.PlannedStep::preflightFailed);
        assertThat(plan.steps()).filteredOn(step -> step.operation().kind() == dev.zanith.api.ops.OperationKind.ALTER_COLUMN_TYPE)
                .singleElement().satisfies(step -> {
                    assertThat(step.assessment().reasons()).contains(dev.zanith.api.risk.ReasonCode.CHANGES_COLUMN_TYPE);
                    assertThat(step.assessment().facts().rewrite()).as("the conversion rewrites the table").isTrue();
                });
        apply(db, null);
        db.execute("INSERT INTO clients (id) VALUES (2)");
        assertThat(db.queryForLong("SELECT count(*) FROM clients WHERE status = 'FOUR'")).isEqualTo(1);
        assertThat(generate(db, STATUS_NEW, null).nothingToDo()).isTrue();
    }

    private static final String PRICES = """
            CREATE FUNCTION public.valid_price(p numeric) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT p >= 0 $$;
            CREATE FUNCTION public.stamp() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN NEW.changed_at := now(); RETURN NEW; END $$;
            CREATE TABLE prices (id int PRIMARY KEY, amount numeric CONSTRAINT amount_valid CHECK (valid_price(amount)),
                                 changed_at timestamptz);
            CREATE TRIGGER prices_stamp BEFORE INSERT OR UPDATE ON prices FOR EACH ROW EXECUTE FUNCTION stamp();
            """;

    @Test
    void functionsAndTriggersAreGeneratedVerifiedAndApplied(TestDatabase db) throws Exception {
        GenerateResult created = generate(db, PRICES, null);
        assertThat(created.operations()).extracting(o -> o.kind()).contains(dev.zanith.api.ops.OperationKind.CREATE_FUNCTION,
                dev.zanith.api.ops.OperationKind.CREATE_TABLE, dev.zanith.api.ops.OperationKind.CREATE_TRIGGER);
        apply(db, null);
        db.execute("INSERT INTO prices (id, amount) VALUES (1, 5)");
        assertThat(db.queryForLong("SELECT count(*) FROM prices WHERE changed_at IS NOT NULL")).isEqualTo(1);
        assertThat(generate(db, PRICES, null).nothingToDo()).isTrue();

        // The CHECK's function gets a new body: replaced in place, and the plan says existing rows are not re-checked.
        String stricter = PRICES.replace("SELECT p >= 0", "SELECT p > 0");
        GenerateResult replaced = generate(db, stricter, null);
        assertThat(replaced.operations()).extracting(o -> o.kind())
                .containsExactly(dev.zanith.api.ops.OperationKind.REPLACE_FUNCTION);
        assertThat(plan(db).steps()).filteredOn(step -> step.operation().kind()
                        == dev.zanith.api.ops.OperationKind.REPLACE_FUNCTION).singleElement()
                .satisfies(step -> assertThat(step.assessment().reasons())
                        .contains(dev.zanith.api.risk.ReasonCode.FUNCTION_CHANGE_NOT_RECHECKED));
        apply(db, null);
        assertThat(generate(db, stricter, null).nothingToDo()).isTrue();
    }

    @Test
    void rowsHoldingARemovedEnumValueAreCountedBeforeApply(TestDatabase db) throws Exception {
        db.execute(STATUS_OLD + "INSERT INTO clients VALUES (1, 'ONE'), (2, 'TWO'), (3, 'TWO');");
        generate(db, STATUS_NEW, null);
        dev.zanith.api.output.Plan plan = plan(db);
        assertThat(plan.steps()).filteredOn(dev.zanith.api.output.PlannedStep::preflightFailed).singleElement()
                .satisfies(step -> {
                    assertThat(step.operation().kind()).isEqualTo(dev.zanith.api.ops.OperationKind.ALTER_COLUMN_TYPE);
                    assertThat(step.preflight()).filteredOn(dev.zanith.api.output.PreflightResult::failed).singleElement()
                            .satisfies(r -> assertThat(r.count()).isEqualTo(2));
                });
    }

    @Test
    void serialBecomesIdentityAndTheNextInsertFollowsTheData(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE samples (id serial PRIMARY KEY, name text); INSERT INTO samples (name) VALUES ('a');");
        String declared = "CREATE TABLE samples (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, name text);";
        generate(db, declared, null);
        apply(db, null);
        db.execute("INSERT INTO samples (name) VALUES ('b')");
        assertThat(db.queryForLong("SELECT max(id) FROM samples")).isEqualTo(2);
        assertThat(db.queryForLong("SELECT count(*) FROM pg_class WHERE relkind = 'S' AND relname = 'samples_id_seq'"))
                .isEqualTo(1);
        assertThat(db.queryForLong("SELECT count(*) FROM pg_class WHERE relkind = 'S' AND relname LIKE 'samples%'")).isEqualTo(1);
        assertThat(generate(db, declared, null).nothingToDo()).isTrue();
    }

    @Test
    void aTypeChangeWithoutACastIsRefusedNamingTheStep(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE events (id int PRIMARY KEY, at bigint);");
        assertRefused(db, "CREATE TABLE events (id int PRIMARY KEY, at timestamp);",
                "step 1 (alter column public.events.at type bigint → timestamp without time zone)", "using:");
    }

    @Test
    void aWrongDeclaredFileIsOneClearMessage(TestDatabase db) {
        assertThatThrownBy(() -> generate(db, "CREATE TABLE broken (id int REFERENCES nowhere);", null))
                .isInstanceOf(ZanithException.class)
                .hasMessageContaining("schema.sql:1:")
                .hasMessageContaining("relation \"nowhere\" does not exist");
    }

    /**
     * Domains, composite and range types, exclusion constraints and statistics: generate writes them, the runner applies
     * them, and a second generate has nothing to do. The domain's new CHECK is added NOT VALID and validated apart.
     */
    @Test
    void typesExclusionConstraintsAndStatisticsAreWrittenAppliedAndThenNothingToDo(TestDatabase db) throws Exception {
        db.execute("CREATE DOMAIN email AS text; CREATE TYPE address AS (street text);"
                + "CREATE TABLE users (id int PRIMARY KEY, email email, home address, active tsrange);"
                + "INSERT INTO users VALUES (1, 'a@x.io', ROW('Main St'), '[2026-01-01,2026-02-01)');");
        String declared = "CREATE DOMAIN email AS text CONSTRAINT email_shape CHECK (VALUE LIKE '%@%');"
                + "CREATE TYPE address AS (street text, zip text);"
                + "CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);"
                + "CREATE TABLE users (id int PRIMARY KEY, email email, home address, active tsrange, score floatrange,"
                + " CONSTRAINT users_active_excl EXCLUDE USING gist (active WITH &&));"
                + "CREATE STATISTICS users_id_email ON id, email FROM users;";
        GenerateResult result = generate(db, declared, null);
        assertThat(result.warnings()).isEmpty();
        assertThat(result.operations()).extracting(o -> o.kind().id()).contains("addDomainConstraint",
                "validateDomainConstraint", "addTypeAttribute", "createRangeType", "addExclusionConstraint",
                "createStatistics");
        apply(db, null);
        assertThat(generate(db, declared, null).nothingToDo()).isTrue();
    }

    /** A used domain's base type cannot change in place: generate names the difference and writes nothing. */
    @Test
    void aUsedDomainsBaseTypeChangeIsRefusedByName(TestDatabase db) throws Exception {
        db.execute("CREATE DOMAIN code AS varchar(10); CREATE TABLE t (id int, c code);");
        assertRefused(db, "CREATE DOMAIN code AS varchar(20); CREATE TABLE t (id int, c code);",
                "domain public.code", "character varying(20)");
    }

    @Test
    void aPartitionedTableGainsPartitionsAndAnIndexOnlineAndTheRunnerAppliesThem(TestDatabase db) throws Exception {
        String events = """
                CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, region text) PARTITION BY RANGE (at);
                CREATE TABLE events_2026_01 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
                CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
                """;
        db.execute(events.replace("CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO "
                + "('2026-01-01');", "") + """
                CREATE TABLE events_2025 (id bigint NOT NULL, at date NOT NULL, region text);
                INSERT INTO events SELECT g, DATE '2026-01-01' + g % 31, 'eu' FROM generate_series(1, 200) g;
                INSERT INTO events_2025 SELECT g, DATE '2025-01-01' + g % 365, 'eu' FROM generate_series(1, 300) g;
                """);
        String declared = events + """
                CREATE TABLE events_2026_02 PARTITION OF events FOR VALUES FROM ('2026-02-01') TO ('2026-03-01');
                CREATE INDEX events_region_idx ON events (region);
                """;
        GenerateResult result = generate(db, declared, null);
        assertThat(result.operations()).extracting(o -> o.kind().id()).contains("createPartition", "addCheckConstraint",
                "validateConstraint", "attachPartition", "dropCheckConstraint", "addPartitionedIndex");
        apply(db, null);
        assertThat(db.queryForLong("SELECT count(*) FROM events")).isEqualTo(500);
        assertThat(db.queryForLong("SELECT count(*) FROM pg_index WHERE NOT indisvalid")).isZero();
        assertThat(generate(db, declared, null).nothingToDo()).isTrue();
    }

    // ---------------------------------------------------------------- privileges, comments, storage

    @Test
    void grantsCommentsAndStorageAreGeneratedAppliedAndProven(TestDatabase db) throws Exception {
        try (dev.zanith.testsupport.TestRoles roles = dev.zanith.testsupport.TestRoles.create(db.server(),
                List.of("app"))) {
            try {
                db.execute("CREATE TABLE accounts (id bigint PRIMARY KEY, email text);"
                        + "CREATE INDEX accounts_email_idx ON accounts (email); CREATE TABLE sessions (id int);");
                String declared = roles.sql("CREATE TABLE accounts (id bigint PRIMARY KEY, email text) WITH (fillfactor = 80);"
                        + "CREATE INDEX accounts_email_idx ON accounts (email);"
                        + "COMMENT ON INDEX accounts_email_idx IS 'login lookups';"
                        + "COMMENT ON CONSTRAINT accounts_pkey ON accounts IS 'account number';"
                        + "CREATE UNLOGGED TABLE sessions (id int);"
                        + "GRANT SELECT ON accounts TO ${app}; GRANT UPDATE (email) ON accounts TO ${app};"
                        + "COMMENT ON SCHEMA public IS 'the application';");
                GenerateResult result = generate(db, declared, null);
                assertThat(Files.readString(result.file())).contains("grantPrivileges", "setComment",
                        "setStorageParameters", "setPersistence", roles.name("app"));
                apply(db, null);
                assertThat(db.queryForLong("SELECT count(*) FROM information_schema.role_table_grants WHERE grantee = '"
                        + roles.name("app") + "' AND table_name = 'accounts' AND privilege_type = 'SELECT'")).isEqualTo(1);
                assertThat(generate(db, declared, null).nothingToDo()).isTrue();
            } finally {
                db.execute(roles.sql("DROP OWNED BY ${app}"));
            }
        }
    }

    @Test
    void aDeclaredGrantToARoleTheServerLacksIsOneClearMessage(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE accounts (id bigint PRIMARY KEY)");
        dev.zanith.api.schema.SchemaGraph graph = dev.zanith.api.schema.SchemaGraph.empty()
                .withSchemas(List.of("public"))
                .withTables(List.of(dev.zanith.api.schema.Table.of("public", "accounts",
                        List.of(dev.zanith.api.schema.Column.of("id", "bigint", true)))
                        .withPrimaryKey(dev.zanith.api.schema.PrimaryKey.of("accounts_pkey", List.of("id")))))
                .withGrants(List.of(new dev.zanith.api.schema.Grant("table", "public", "accounts", null,
                        "zanith_no_such_role", "SELECT", false)));
        Path declared = dir.resolve("schema.json");
        Files.writeString(declared, dev.zanith.api.schema.SchemaGraphJson.toJson(graph));
        ZanithConfig built = ZanithConfig.builder().url(db.jdbcUrl()).build();
        assertThatThrownBy(() -> new Generate(TestSettings.of(built)).run(new GenerateRequest(declared,
                dir.resolve("migrations"), null, DiffOptions.defaults(),
                ShadowProviders.temporaryDatabase(ConnectionSource.of(db.jdbcUrl(), null, null)), Instant.now(), null)))
                .isInstanceOf(ZanithException.class)
                .hasMessageContaining("role zanith_no_such_role, which does not exist")
                .hasMessageContaining("SELECT on table public.accounts to zanith_no_such_role")
                .hasMessageContaining("CREATE ROLE zanith_no_such_role NOLOGIN")
                .hasMessageContaining("No file was written");
        assertThat(files()).isEmpty();
    }

    @Test
    void aGrantToARoleTheServerLacksFailsItsPreflightCheck(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE accounts (id bigint PRIMARY KEY)");
        String id = "20260101000000_grant";
        Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(dir.resolve("migrations").resolve(id + ".yaml"), dev.zanith.internal.migration.MigrationWriter
                .render(id, "grant", List.of(new dev.zanith.api.ops.GrantPrivileges("table", "public", "accounts", null,
                        "zanith_no_such_role", List.of("SELECT"), false), new dev.zanith.api.ops.GrantPrivileges("table",
                        "public", "accounts", null, "PUBLIC", List.of("SELECT"), false)), List.of("test"), List.of()));
        dev.zanith.api.output.Plan plan = plan(db);
        assertThat(plan.verdict()).isEqualTo(dev.zanith.api.output.Verdict.REFUSED);
        assertThat(plan.steps().get(0).preflight()).singleElement().satisfies(r -> {
            assertThat(r.check()).isEqualTo(dev.zanith.api.output.PreflightCheck.ROLE_EXISTS);
            assertThat(r.failed()).isTrue();
            assertThat(r.message()).contains("role zanith_no_such_role does not exist", "CREATE ROLE");
        });
        assertThat(plan.steps().get(1).preflight()).as("PUBLIC is no role to look up").isEmpty();
    }
}
