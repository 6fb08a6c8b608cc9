package dev.zanith.internal.verify;

import dev.zanith.TestSettings;
import dev.zanith.api.output.ObservedStep;
import dev.zanith.api.output.VerifyOutcome;
import dev.zanith.api.output.VerifyResult;
import dev.zanith.ZanithConfig;
import dev.zanith.internal.command.Verify;
import dev.zanith.api.migration.DirectoryMigrationSource;
import dev.zanith.internal.shadow.ShadowProviders;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The risk model's predicted locks and rewrites against what a real server does on the shadow: every case
 * where they disagreed became a row here, and the model was fixed until they agree.
 */
@RealPostgres
class PredictionAgreementTest {

    private static final String LIVE = """
            CREATE TABLE users (id bigint PRIMARY KEY, email varchar(50) NOT NULL, n integer, name text,
                                created timestamp);
            CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, total numeric, note text);
            INSERT INTO users SELECT g, 'u' || g || '@x', g, 'n' || g, now() FROM generate_series(1, 200) g;
            INSERT INTO orders SELECT g, g, g, NULL FROM generate_series(1, 200) g;
            ANALYZE;
            """;

    static Stream<Arguments> steps() {
        return Stream.of(
                Arguments.of("add a nullable column", "  - addColumn: {table: users, column: {name: last_login, type: timestamptz}}"),
                Arguments.of("add a column with a constant default", "  - addColumn: {table: users, column: {name: plan, type: text, defaultExpression: \"'free'\"}}"),
                Arguments.of("add a column with a volatile default", "  - addColumn: {table: users, column: {name: token, type: double precision, defaultExpression: random()}}"),
                Arguments.of("int to bigint", "  - alterColumnType: {table: users, column: n, type: bigint}"),
                Arguments.of("varchar widening", "  - alterColumnType: {table: users, column: email, type: varchar(200)}"),
                Arguments.of("varchar to text", "  - alterColumnType: {table: users, column: email, type: text}"),
                Arguments.of("create index", "  - addIndex: {table: users, index: {name: users_name, keys: [name]}, concurrently: false}"),
                Arguments.of("create index concurrently", "  - addIndex: {table: users, index: {name: users_name, keys: [name]}, concurrently: true}"),
                Arguments.of("add foreign key", "  - addForeignKey: {table: orders, foreignKey: {name: orders_user_fkey, columns: [user_id], referencedTable: users, referencedColumns: [id]}}"),
                Arguments.of("add foreign key not valid, then validate", """
                          - addForeignKey: {table: orders, foreignKey: {name: orders_user_fkey, columns: [user_id], referencedTable: users, referencedColumns: [id]}, notValid: true}
                          - validateConstraint: {table: orders, name: orders_user_fkey}"""),
                Arguments.of("add check not valid, then validate", """
                          - addCheckConstraint: {table: orders, constraint: {name: total_positive, expression: total > 0}, notValid: true}
                          - validateConstraint: {table: orders, name: total_positive}"""),
                Arguments.of("set not null", "  - setNotNull: {table: users, column: name}"),
                Arguments.of("set not null proven by a check", """
                          - addCheckConstraint: {table: users, constraint: {name: name_nn, expression: name IS NOT NULL}, notValid: true}
                          - validateConstraint: {table: users, name: name_nn}
                          - setNotNull: {table: users, column: name}
                          - dropCheckConstraint: {table: users, name: name_nn}"""),
                Arguments.of("unique constraint from a concurrent index", """
                          - addIndex: {table: users, index: {name: users_email_key, unique: true, keys: [email]}, concurrently: true}
                          - addUniqueConstraint: {table: users, constraint: {name: users_email_key, columns: [email]}, usingIndex: users_email_key}"""),
                Arguments.of("drop index concurrently", """
                          - addIndex: {table: users, index: {name: users_name, keys: [name]}, concurrently: false}
                          - dropIndex: {table: users, name: users_name, concurrently: true}"""),
                Arguments.of("soft drop and rename", """
                          - softDropColumn: {table: orders, column: note}
                          - renameColumn: {table: users, column: name, newName: full_name}"""),
                Arguments.of("archive column: SHARE for the copy, then ACCESS EXCLUSIVE for the drop",
                        "  - archiveColumn: {table: orders, column: note, primaryKey: [id]}"),
                Arguments.of("soft drop a column with a check and an index on it", """
                          - addCheckConstraint: {table: users, constraint: {name: name_set, expression: name <> ''}}
                          - addIndex: {table: users, index: {name: users_name, keys: [name]}, concurrently: false}
                          - softDropColumn: {table: users, column: name}"""),
                Arguments.of("soft drop a table: locked under its old name", "  - softDropTable: {table: orders}"),
                Arguments.of("archive a table: moved to another schema", "  - archiveTable: {table: orders}"),
                Arguments.of("rename a table", "  - renameTable: {table: orders, newName: purchases}"),
                Arguments.of("views: create, replace appending a column, comment, drop", """
                          - createView: {view: {schema: public, name: user_names, definition: "SELECT id, name FROM public.users", dependsOn: [{relation: public.users, columns: [id, name]}]}}
                          - replaceView: {view: {schema: public, name: user_names, definition: "SELECT id, name, email FROM public.users", dependsOn: [{relation: public.users, columns: [email, id, name]}]}}
                          - setComment: {on: view, object: public.user_names, comment: names}
                          - dropView: {view: public.user_names}"""),
                Arguments.of("materialized views: create with data, refresh, refresh concurrently, drop", """
                          - createMaterializedView: {view: {schema: public, name: name_counts, materialized: true, definition: "SELECT name, count(*) AS n FROM public.users GROUP BY name", indexes: [{name: name_counts_name, unique: true, keys: [name]}], dependsOn: [{relation: public.users, columns: [name]}]}}
                          - refreshMaterializedView: {view: public.name_counts}
                          - refreshMaterializedView: {view: public.name_counts, concurrently: true}
                          - dropMaterializedView: {view: public.name_counts}"""),
                Arguments.of("a function and a trigger: created, replaced, disabled, dropped", """
                          - createFunction: {routine: {schema: public, name: touch, signature: "public.touch()", result: trigger, language: plpgsql, definition: "CREATE OR REPLACE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$"}}
                          - createTrigger: {trigger: {schema: public, table: users, name: users_touch, function: "public.touch()", definition: "CREATE TRIGGER users_touch BEFORE UPDATE ON public.users FOR EACH ROW EXECUTE FUNCTION public.touch()"}}
                          - replaceTrigger: {trigger: {schema: public, table: users, name: users_touch, function: "public.touch()", definition: "CREATE TRIGGER users_touch BEFORE INSERT OR UPDATE ON public.users FOR EACH ROW EXECUTE FUNCTION public.touch()"}}
                          - disableTrigger: {table: users, name: users_touch}
                          - enableTrigger: {table: users, name: users_touch, mode: always}
                          - dropTrigger: {table: users, name: users_touch}
                          - dropFunction: {signature: "public.touch()"}"""),
                Arguments.of("comments on a function, a trigger, a policy, a statistics object and a domain: only "
                        + "the trigger's and the policy's lock their table (ACCESS SHARE)", """
                          - createFunction: {routine: {schema: public, name: touch, signature: "public.touch()", result: trigger, language: plpgsql, definition: "CREATE OR REPLACE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$"}}
                          - createTrigger: {trigger: {schema: public, table: users, name: users_touch, function: "public.touch()", definition: "CREATE TRIGGER users_touch BEFORE UPDATE ON public.users FOR EACH ROW EXECUTE FUNCTION public.touch()"}}
                          - createPolicy: {table: users, policy: {name: own_rows, using: "id > 0"}}
                          - createStatistics: {statistics: {schema: public, name: users_n_name, tableSchema: public, table: users, definition: "CREATE STATISTICS public.users_n_name ON n, name FROM public.users"}}
                          - createDomain: {domain: {schema: public, name: zip_code, baseType: text}}
                          - setComment: {on: function, object: public.touch, comment: "keeps rows as they are"}
                          - setComment: {on: trigger, object: public.users, name: users_touch, comment: "fires on update"}
                          - setComment: {on: policy, object: public.users, name: own_rows, comment: "it's mine"}
                          - setComment: {on: statistics, object: public.users_n_name, comment: "n and name go together"}
                          - setComment: {on: domain, object: public.zip_code, comment: "five digits"}
                          - setComment: {on: trigger, object: public.users, name: users_touch}"""),
                Arguments.of("drop not null and defaults", """
                          - dropNotNull: {table: users, column: email}
                          - setDefault: {table: users, column: n, expression: "0"}
                          - dropDefault: {table: users, column: n}"""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("steps")
    void theRiskModelPredictsWhatTheServerDoes(String name, String operations, TestDatabase db, @TempDir Path dir)
            throws Exception {
        db.execute(LIVE);
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("20260101000000_case.yaml"), "id: 20260101000000_case\noperations:\n" + operations + "\n");
        ZanithConfig config = ZanithConfig.builder().url(db.jdbcUrl()).migrations(new DirectoryMigrationSource(migrations)).build();
        VerifyResult result = new Verify(TestSettings.of(config)).run(null, ShadowProviders.temporaryDatabase(TestSettings.of(config).connectionSource()));
        assertThat(result.verdict()).as("%s %s", result.failedStep(), result.differences()).isEqualTo(VerifyOutcome.VERIFIED);
        for (ObservedStep step : result.steps()) {
            assertThat(step.predicted()).as("step %d has a prediction", step.stepIndex()).isNotNull();
            assertThat(step.mismatches()).as("step %d (%s): prediction vs observation", step.stepIndex(), step.summary())
                    .isEmpty();
        }
    }
}
