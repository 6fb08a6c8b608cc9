package dev.zanith.internal.migration;

import dev.zanith.api.migration.DirectoryMigrationSource;
import dev.zanith.TestSettings;
import dev.zanith.api.migration.Migration;
import dev.zanith.ZanithConfig;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, mutation corpus: malformed migration files generated from valid ones — statements smuggled into every
 * kind of SQL field, and structural damage (duplicate keys, aliases, typos, wrong shapes, tabs, truncation, long
 * names, huge lines). Each must be refused when loaded or planned, with the file and a line, in a message free of
 * parser and JVM internals, and the database must be unchanged.
 */
@RealPostgres
class MutationCorpusTest {

    private static final String ID = "20260101000000_change";
    private static final Pattern INTERNALS = Pattern.compile("JsonToken|java\\.|javax\\.|tools\\.jackson|dev\\.zanith|"
            + "snakeyaml|Exception|\\$[A-Z]|ArrayList|LinkedHashMap|\\bnull\\b|START_|VALUE_|\\bat \\[Source");

    /** A valid file with {@code {{E}}} where one SQL field goes, and that field's valid value. */
    private record Base(String name, String template, String validValue) {
        String valid() {
            return template.replace("{{E}}", validValue);
        }

        String with(String value) {
            return template.replace("{{E}}", value);
        }
    }

    private static final List<Base> BASES = List.of(
            new Base("default", """
                    id: %s
                    operations:
                      - addColumn:
                          table: public.users
                          column: {name: nickname, type: text, defaultExpression: "{{E}}"}
                    """, "'anon'"),
            new Base("check", """
                    id: %s
                    operations:
                      - addCheckConstraint:
                          table: public.users
                          constraint: {name: score_positive, expression: "{{E}}"}
                          notValid: true
                    """, "score >= 0"),
            new Base("index predicate", """
                    id: %s
                    operations:
                      - addIndex:
                          table: public.users
                          index: {name: users_score_idx, keys: [score], predicate: "{{E}}"}
                          concurrently: true
                    """, "score > 0"),
            new Base("index key", """
                    id: %s
                    operations:
                      - addIndex:
                          table: public.users
                          index: {name: users_email_idx, keys: ["{{E}}"]}
                    """, "lower(email)"),
            new Base("backfill where", """
                    id: %s
                    operations:
                      - backfill:
                          table: public.users
                          set: {score: score + 1}
                          where: "{{E}}"
                    """, "score IS NULL"),
            new Base("backfill set", """
                    id: %s
                    operations:
                      - backfill:
                          table: public.users
                          set: {score: "{{E}}"}
                    """, "score + 1"),
            new Base("policy", """
                    id: %s
                    operations:
                      - createPolicy:
                          table: public.users
                          policy: {name: own_rows, command: SELECT, using: "{{E}}"}
                    """, "id = 1"),
            new Base("generated", """
                    id: %s
                    operations:
                      - createTable:
                          table:
                            schema: public
                            name: totals
                            columns:
                              - {name: id, type: integer, notNull: true}
                              - {name: doubled, type: integer, generated: {expression: "{{E}}", stored: true}}
                    """, "id * 2"),
            new Base("alter using", """
                    id: %s
                    operations:
                      - alterColumnType:
                          table: public.users
                          column: score
                          type: bigint
                          using: "{{E}}"
                    """, "score::bigint"),
            new Base("set default", """
                    id: %s
                    operations:
                      - setDefault: {table: public.users, column: score, expression: "{{E}}"}
                    """, "0"));

    /** Ways out of an expression field; each must be refused wherever it is put. */
    private static final List<String> SMUGGLED = List.of(
            "1; DROP TABLE sentinel; --",
            "1; DROP TABLE sentinel",
            "1); DROP TABLE sentinel; --",
            "1, DROP COLUMN score",
            "true) OR (true",
            "1 -- the rest of the line",
            "'unterminated",
            "$$unterminated",
            "1 /* unterminated",
            "(1",
            "1)",
            "E'\\\\'; DROP TABLE sentinel; --",
            "\\\"unterminated name",
            "",
            "1 ; ",
            // one fragment lexically, so only the server's parse at plan time can refuse these
            "1 +",
            "SELECT",
            "1 2 3");

    @TempDir
    Path dir;

    @Test
    void everyMalformedFileIsRefusedWithFileAndLineAndNothingChanges(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE sentinel (id int PRIMARY KEY); INSERT INTO sentinel VALUES (1);"
                + "CREATE TABLE users (id int PRIMARY KEY, email text, score int);"
                + "INSERT INTO users VALUES (1, 'a@example.com', NULL), (2, 'b@example.com', 3);");
        String before = databaseState(db);
        ZanithConfig config = ZanithConfig.builder().url(db.jdbcUrl()).build();

        Map<String, String> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);
        for (Base base : BASES) {
            assertThat(refusal(config, db, base.valid().formatted(ID))).as(base.name() + " is valid").isNull();
        }
        List<String> problems = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, String> mutant : corpus.entrySet()) {
            String message = refusal(config, db, mutant.getValue());
            String label = mutant.getKey() + " (#" + n++ + ")";
            if (message == null) {
                problems.add(label + ": accepted");
                continue;
            }
            Path file = dir.resolve(ID + ".yaml");
            if (!Pattern.compile(Pattern.quote(file.toString()) + ":\\d+").matcher(message).find()) {
                problems.add(label + ": no file and line in: " + message);
            }
            if (INTERNALS.matcher(message).find()) {
                problems.add(label + ": internals in: " + message);
            }
            if (message.contains("\n")) {
                problems.add(label + ": more than one line: " + message);
            }
        }
        assertThat(problems).isEmpty();
        assertThat(databaseState(db)).isEqualTo(before);
    }

    /** The refusal message for {@code yaml} (load, then plan), or null when both accept it. */
    private String refusal(ZanithConfig config, TestDatabase db, String yaml) throws Exception {
        Path file = dir.resolve(ID + ".yaml");
        Files.writeString(file, yaml);
        try {
            List<Migration> migrations = MigrationLoader.load(new DirectoryMigrationSource(dir));
            try (Connection c = db.connect()) {
                TestSettings.of(config).planner().plan(c, migrations);
            }
            return null;
        } catch (ZanithException e) {
            return e.getMessage();
        } finally {
            Files.delete(file);
        }
    }

    private static Map<String, String> corpus() {
        Map<String, String> corpus = new LinkedHashMap<>();
        for (Base base : BASES) {
            for (String value : SMUGGLED) {
                corpus.put(base.name() + " <- " + value, base.with(value).formatted(ID));
            }
            String valid = base.valid().formatted(ID);
            List<String> lines = valid.lines().toList();
            corpus.put(base.name() + ": id changed", valid.replace("id: " + ID, "id: 20260101000000_other"));
            corpus.put(base.name() + ": id removed", valid.replace("id: " + ID + "\n", ""));
            corpus.put(base.name() + ": id twice", "id: " + ID + "\n" + valid);
            corpus.put(base.name() + ": table twice", valid.replaceFirst("(?m)^(\\s+)table: (.*)$",
                    "$1table: $2\n$1table: public.sentinel"));
            corpus.put(base.name() + ": unknown field", valid.replaceFirst("(?m)^(      )(\\w+):", "$1colour: red\n$1$2:"));
            corpus.put(base.name() + ": kind misspelt", valid.replaceFirst("(?m)^(  - )(\\w+)", "$1$2x"));
            corpus.put(base.name() + ": alias", valid.replace("operations:", "x: &t public.sentinel\noperations:")
                    .replaceFirst("table: public.users", "table: *t").replaceFirst("table:\\n", "table: *t\n"));
            corpus.put(base.name() + ": tab", valid.replaceFirst("(?m)^    ", "\t"));
            corpus.put(base.name() + ": truncated", valid.substring(0, valid.lastIndexOf('{') + 3));
            corpus.put(base.name() + ": operations a number", "id: " + ID + "\noperations: 5\n");
            corpus.put(base.name() + ": operations a mapping", valid.replace("operations:\n  - ", "operations:\n  "));
            corpus.put(base.name() + ": long table name", valid.replace("public.users", "public." + "u".repeat(64))
                    .replace("name: totals", "name: " + "t".repeat(64)));
            corpus.put(base.name() + ": huge line", valid + "# " + "x".repeat(70_000) + "\n");
            corpus.put(base.name() + ": empty operation", valid.replace("operations:\n", "operations:\n  -\n"));
            corpus.put(base.name() + ": stray closing brace", lines.get(0) + "\n}\n" + String.join("\n",
                    lines.subList(1, lines.size())));
            // a textual mutation that found nothing to change in this base is no mutant
            corpus.values().removeIf(valid::equals);
        }
        return corpus;
    }

    private static String databaseState(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); var rs = c.createStatement().executeQuery("""
                SELECT (SELECT string_agg(n.nspname || '.' || c.relname || ':' || c.relkind::text, ',' ORDER BY 1)
                        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%')
                    || (SELECT string_agg(attname || ':' || atttypid, ',' ORDER BY attname) FROM pg_attribute
                        WHERE attrelid = 'public.users'::regclass AND attnum > 0 AND NOT attisdropped)
                    || (SELECT string_agg(id || '/' || coalesce(score, -1), ',' ORDER BY id) FROM users)
                    || (SELECT count(*) FROM sentinel)::text
                    || (SELECT count(*) FROM pg_policy)::text || (SELECT count(*) FROM pg_constraint)::text""")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
