package dev.zanith.internal.apply;

import dev.zanith.api.output.StepOutcome;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.testsupport.PostgresServer;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * The .sql parity corpus ({@code src/test/resources/sql-corpus}): every file applied by Zanith on a fresh database
 * of the embedded (or external) server, with its expected outcome from the table below — the data a query reads
 * afterwards, "refused at load" with file:line and what the message says, or "fails" at a line with a SQLSTATE
 * and nothing left behind. Where a {@code psql} binary is on the PATH, each file that Zanith runs is also run by
 * {@code psql -X -1 -v ON_ERROR_STOP=1 -f} (without {@code -1} for opted-out files) on a twin database, and both
 * databases must end with the same catalog and data.
 */
class SqlParityCorpusTest {

    /** What a corpus file must do. */
    private record Case(String file, Kind kind, String query, String expected, int line, String detail) {
        @Override
        public String toString() {
            return file;
        }
    }

    private enum Kind { APPLIES, REFUSED, FAILS }

    /** Applies; afterwards {@code query} (one text value) reads {@code expected}. */
    private static Case applies(String file, String query, String expected) {
        return new Case(file, Kind.APPLIES, query, expected, 0, null);
    }

    /** Refused at load, naming {@code file:line} and saying {@code says}; nothing runs. */
    private static Case refused(String file, int line, String says) {
        return new Case(file, Kind.REFUSED, null, null, line, says);
    }

    /**
     * Fails at {@code line} with {@code sqlState}; afterwards {@code query} reads {@code expected} (what stays: nothing
     * in a transactional file, the statements before the failed one in an opted-out file).
     */
    private static Case fails(String file, int line, String sqlState, String query, String expected) {
        return new Case(file, Kind.FAILS, query, expected, line, sqlState);
    }

    private static final String TABLES = "SELECT coalesce(string_agg(relname, ',' ORDER BY relname), '') FROM pg_class "
            + "WHERE relkind IN ('r', 'p') AND relnamespace = 'public'::regnamespace AND relname NOT LIKE '\\_zanith%'";

    static Stream<Case> corpus() {
        return Stream.of(
                applies("001_create_insert", "SELECT string_agg(a::text, ',' ORDER BY a) FROM t", "1,2"),
                applies("002_copy_currency", "SELECT string_agg(id || '=' || code, ',' ORDER BY id) FROM currency",
                        "1=EUR,2=JPY"),
                applies("003_copy_csv_semicolons", "SELECT string_agg(a || ':' || coalesce(b, 'NULL'), '|' ORDER BY a) "
                        + "FROM t", "1:x;y|2:say \"hi\";|3:NULL|4:after"),
                applies("004_copy_backslashes", "SELECT string_agg(a || ':' || coalesce(b, 'NULL'), '|' ORDER BY a) "
                        + "FROM t", "1:tab\there|2:back\\slash;|3:NULL"),
                applies("005_copy_to_eof", "SELECT string_agg(b, ',' ORDER BY a) FROM t", "one,two"),
                applies("006_copy_then_statements", "SELECT string_agg(a::text, ',' ORDER BY a) FROM t", "3,10,20"),
                applies("007_do_block", "SELECT string_agg(txt, ',') FROM test", "abc"),
                applies("008_do_nested_tagged", "SELECT string_agg(a, '|' ORDER BY a) FROM t", "it's|x; $$ y"),
                applies("009_function_plpgsql", "SELECT a::text FROM t", "42"),
                applies("010_function_begin_atomic", "SELECT a::text FROM t", "1"),
                applies("011_procedure_begin_atomic", "SELECT string_agg(a::text, ',' ORDER BY a) FROM t", "1,2"),
                applies("012_trigger", "SELECT a || ',' || b FROM t", "1,2"),
                applies("013_e_strings", "SELECT string_agg(a, '|' ORDER BY a) FROM t", "A|back\\|it's; ok"),
                applies("014_standard_strings_off", "SELECT string_agg(a, '|' ORDER BY a) FROM t",
                        "c:\\dir|it's; fine"),
                applies("015_nested_comments", "SELECT a::text FROM t", "1"),
                applies("016_comment_at_eof", "SELECT a::text FROM t", "1"),
                applies("017_quoted_identifiers", "SELECT \"c;d\" || \"e\"\"f\" FROM \"a;b\"", "1x"),
                applies("018_missing_final_semicolon", "SELECT a::text FROM t", "1"),
                applies("019_crlf", "SELECT a::text FROM t", "7"),
                applies("020_bom", "SELECT a::text FROM t", "1"),
                applies("021_multi_statement_line", "SELECT string_agg(a::text, ',' ORDER BY a) FROM t", "1,2"),
                applies("022_begin_commit_wrapper", "SELECT a::text FROM t", "1"),
                applies("023_start_transaction_end", "SELECT a::text FROM t", "1"),
                applies("024_savepoints", "SELECT string_agg(a::text, ',') FROM t", "2"),
                applies("025_words_in_strings", "SELECT left(a, 7) FROM t", "COMMIT;"),
                applies("026_words_in_comments", "SELECT a::text FROM t", "1"),
                applies("027_words_in_dollar_body", "SELECT string_agg(a::text, ',') FROM t", "0"),
                applies("028_keyword_identifiers", "SELECT \"begin\" || \"commit\" FROM \"end\"", "1rollback"),
                applies("029_enum_type", "SELECT m::text FROM t", "ok"),
                applies("030_view", "SELECT string_agg(b::text, ',' ORDER BY b) FROM v", "2,4"),
                applies("031_rule_with_parens", "SELECT string_agg(a::text, ',' ORDER BY a) FROM log", "1,2"),
                applies("032_unicode", "SELECT a FROM \"\uD83D\uDE00é\"", "ünïcødé; ok"),
                applies("033_dollar_literals", "SELECT string_agg(a, '|' ORDER BY a) FROM t", " $$ ; |it's; $ fine"),
                applies("034_copy_nulls_empty", "SELECT string_agg(a || ':' || coalesce(b, 'NULL') || ':' "
                        + "|| coalesce(c, 'NULL'), '|' ORDER BY a) FROM t", "1:NULL:|2::x"),
                applies("035_enum_add_value", "SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum",
                        "red,blue"),
                applies("036_schema_set_local", "SELECT a::text FROM app.t", "1"),
                applies("037_generated_identity", "SELECT id || ',' || a || ',' || b FROM t", "1,3,6"),
                applies("038_comment_on", "SELECT obj_description('t'::regclass) || '/' || col_description('t'::regclass, 1)",
                        "a; b/it's"),
                applies("039_copy_csv_header", "SELECT a || b FROM t", "1one"),
                applies("040_partitions", "SELECT v::text FROM m_2026", "1"),
                applies("041_sequence", "SELECT string_agg(a::text, ',' ORDER BY a) FROM t", "5,101"),
                applies("042_optout_concurrent_index", "SELECT indisvalid::text FROM pg_index "
                        + "WHERE indexrelid = 't_a'::regclass", "true"),
                applies("043_optout_vacuum", "SELECT a::text FROM t", "1"),
                applies("044_optout_call_commits", "SELECT string_agg(a::text, ',' ORDER BY a) FROM t", "1,2"),
                applies("045_optout_reindex_concurrently", "SELECT count(*)::text FROM pg_index "
                        + "WHERE indexrelid = 't_a'::regclass AND indisvalid", "1"),
                applies("046_optout_copy", "SELECT a || b FROM t", "1x"),
                applies("047_optout_drop_index_concurrently", "SELECT coalesce(to_regclass('t_a')::text, 'gone')",
                        "gone"),
                applies("048_empty_statements", "SELECT a::text FROM t", "1"),
                applies("049_prepare_execute", "SELECT a::text FROM t", "4"),
                applies("050_case_in_begin_atomic", "SELECT a FROM t", "neg"),
                applies("051_cte_and_returning", "SELECT string_agg(a::text, ',' ORDER BY a) FROM t", "1,2"),
                applies("052_copy_crlf_data", "SELECT string_agg(a || b, ',' ORDER BY a) FROM t", "1a,2b,3c"),

                refused("101_stray_end_after_do", 3, "END would end or restart the transaction"),
                refused("102_commit_midfile", 4, "COMMIT ends the file's transaction before its last statement"),
                refused("103_concurrently_in_tx", 2, "CREATE INDEX CONCURRENTLY cannot run inside a transaction block"),
                refused("104_vacuum_in_tx", 3, "VACUUM cannot run inside a transaction block"),
                refused("105_create_database", 1, "CREATE DATABASE cannot run inside a transaction block"),
                refused("106_alter_system", 2, "ALTER SYSTEM cannot run inside a transaction block"),
                refused("107_meta_set", 1, "psql meta-command \\set is not SQL"),
                refused("108_meta_include", 2, "psql meta-command \\i is not SQL"),
                refused("109_meta_connect", 3, "psql meta-command \\connect is not SQL"),
                refused("110_meta_gexec", 2, "psql meta-command \\gexec is not SQL"),
                refused("111_rollback_midfile", 2, "ROLLBACK would end or restart the transaction"),
                refused("112_abort", 2, "ABORT would end or restart the transaction"),
                refused("113_prepare_transaction", 3, "PREPARE TRANSACTION 'x' is two-phase commit"),
                refused("114_begin_without_commit", 1, "BEGIN has no COMMIT"),
                refused("115_begin_isolation", 1, "sets transaction modes"),
                refused("116_optout_with_begin", 2, "BEGIN is transaction control"),
                refused("117_misplaced_directive", 2, "comes after the first statement"),
                refused("118_unknown_directive", 1, "unknown directive"),
                refused("119_meta_copy", 2, "psql meta-command \\copy is not SQL"),
                refused("120_reindex_concurrently_in_tx", 3, "REINDEX CONCURRENTLY cannot run inside a transaction"),
                refused("121_commit_and_chain", 3, "is not a plain COMMIT"),
                refused("122_only_comments", 1, "no SQL statements"),
                refused("123_start_transaction_midfile", 2, "START TRANSACTION would end or restart the transaction"),
                refused("124_commit_prepared", 1, "is two-phase commit"),
                refused("125_drop_index_concurrently_in_tx", 3, "DROP INDEX CONCURRENTLY cannot run inside a transaction"),

                fails("201_failing_alter", 3, "23502", TABLES, ""),
                fails("202_copy_bad_data", 2, "22P02", TABLES, ""),
                fails("203_call_commit_in_tx", 3, "2D000", TABLES, ""),
                fails("204_do_commit_in_tx", 2, "2D000", TABLES, ""),
                fails("205_optout_fails_midway", 4, "22P02", "SELECT string_agg(a::text, ',') FROM t", "1"),
                fails("206_missing_table_after_copy", 5, "42P01", TABLES, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void runsAsTheTableSays(Case c, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("V1__" + c.file() + ".sql");
        try (InputStream in = SqlParityCorpusTest.class.getResourceAsStream("/sql-corpus/" + c.file() + ".sql")) {
            assertThat(in).as("corpus file " + c.file()).isNotNull();
            Files.write(file, in.readAllBytes());
        }
        try (TestDatabase db = PostgresServer.shared().createDatabase("corpus")) {
            ApplyFixture f = new ApplyFixture(db, dir);
            switch (c.kind()) {
                case REFUSED -> {
                    assertThatThrownBy(f::apply).isInstanceOf(ZanithException.class)
                            .hasMessageStartingWith(file + ":" + c.line() + ": ")
                            .hasMessageContaining(c.detail());
                    assertThat(f.value(TABLES)).as("nothing ran").isEqualTo("");
                    return;
                }
                case APPLIES -> {
                    ApplyFixture.Recorder r = f.apply();
                    assertThat(r.result.succeeded()).as(String.valueOf(r.result.failedStep())).isTrue();
                }
                case FAILS -> {
                    ApplyFixture.Recorder r = f.apply();
                    StepOutcome failed = r.result.failedStep().orElseThrow(() -> new AssertionError("did not fail"));
                    assertThat(failed.error()).startsWith(file + ":" + c.line() + ":");
                    assertThat(failed.sqlState()).isEqualTo(c.detail());
                }
                default -> fail("unknown kind");
            }
            assertThat(String.valueOf(f.value(c.query()))).isEqualTo(c.expected());
            String psql = psql();
            Assumptions.assumeTrue(psql != null, "no psql binary on the PATH: the psql parity half of this case is "
                    + "not checked");
            int psqlMajor = psqlMajor(psql);
            Assumptions.assumeFalse(psqlMajor < 18 && db.server().majorVersion() >= 18
                    && Files.readString(file).toLowerCase(java.util.Locale.ROOT).contains("format csv"),
                    "psql " + psqlMajor + " sends the \\. line of CSV COPY data to the server, which PostgreSQL 18 "
                            + "no longer takes as the end of CSV data: this psql cannot be the reference for a "
                            + "PostgreSQL " + db.server().majorVersion() + " server here");
            try (TestDatabase twin = PostgresServer.shared().createDatabase("twin")) {
                boolean optOut = Files.readString(file).contains("-- zanith:transaction=none");
                int exit = runPsql(psql, twin, file, !optOut, dir);
                assertThat(exit).as("psql exit code; psql said: " + Files.readString(dir.resolve("psql.log"))).isEqualTo(c.kind() == Kind.APPLIES ? 0 : 3);
                assertThat(fingerprint(db)).isEqualTo(fingerprint(twin));
            }
        }
    }

    private static String psql() {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(entry, "psql");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    private static int psqlMajor(String psql) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(psql, "--version").redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        process.waitFor(10, TimeUnit.SECONDS);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(?:\\.\\d+)?").matcher(out);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static int runPsql(String psql, TestDatabase twin, Path file, boolean singleTransaction, Path dir)
            throws IOException, InterruptedException {
        PostgresServer server = twin.server();
        List<String> command = new ArrayList<>(List.of(psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", server.host(),
                "-p", String.valueOf(server.port()), "-U", server.user(), "-d", twin.name(), "-f", file.toString()));
        if (singleTransaction) {
            command.add(1, "-1");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("psql.log").toFile());
        if (server.password() != null) {
            builder.environment().put("PGPASSWORD", server.password());
        }
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("psql did not finish within 60 s");
        }
        return process.exitValue();
    }

    /** The user-visible catalog (tables, columns, indexes, routines, triggers, types, rules, sequences) and data. */
    private static String fingerprint(TestDatabase db) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            String user = "NOT IN ('pg_catalog', 'information_schema', 'pg_toast')";
            out.append(one(s, "SELECT string_agg(x, E'\\n' ORDER BY x) FROM ("
                    + "SELECT 'column ' || table_schema || '.' || table_name || '.' || column_name || ' ' || data_type "
                    + "|| ' ' || is_nullable || ' ' || coalesce(column_default, '') FROM information_schema.columns "
                    + "WHERE table_schema " + user + " AND table_name NOT LIKE '\\_zanith%' "
                    + "UNION ALL SELECT 'index ' || indexdef || ' valid=' || i.indisvalid FROM pg_indexes x "
                    + "JOIN pg_index i ON i.indexrelid = format('%I.%I', x.schemaname, x.indexname)::regclass "
                    + "WHERE schemaname " + user + " AND tablename NOT LIKE '\\_zanith%' "
                    + "UNION ALL SELECT 'routine ' || n.nspname || '.' || p.proname || '(' "
                    + "|| pg_get_function_identity_arguments(p.oid) || ') ' || p.prokind::text FROM pg_proc p "
                    + "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname " + user + " "
                    + "UNION ALL SELECT 'trigger ' || tgname FROM pg_trigger WHERE NOT tgisinternal "
                    + "UNION ALL SELECT 'type ' || t.typname || ' ' || t.typtype::text FROM pg_type t JOIN pg_namespace n "
                    + "ON n.oid = t.typnamespace WHERE n.nspname " + user + " AND t.typtype IN ('e', 'd') "
                    + "UNION ALL SELECT 'label ' || enumlabel FROM pg_enum "
                    + "UNION ALL SELECT 'rule ' || rulename || ' ' || definition FROM pg_rules WHERE schemaname " + user
                    + " UNION ALL SELECT 'view ' || viewname || ' ' || definition FROM pg_views WHERE viewname NOT LIKE '\\_zanith%' AND schemaname " + user
                    + " UNION ALL SELECT 'sequence ' || sequencename || ' ' || coalesce(last_value::text, '-') "
                    + "FROM pg_sequences WHERE sequencename NOT LIKE '\\_zanith%' "
                    + "UNION ALL SELECT 'comment ' || objoid::regclass::text || ' ' || objsubid || ' ' || description "
                    + "FROM pg_description WHERE classoid = 'pg_class'::regclass "
                    + "AND objoid::regclass::text NOT LIKE '\\_zanith%' AND objoid >= 16384) f(x)"));
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c "
                    + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND n.nspname " + user
                    + " AND c.relname NOT LIKE '\\_zanith%' ORDER BY 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                out.append('\n').append(table).append(": ")
                        .append(one(s, "SELECT string_agg(t::text, '|' ORDER BY t::text) FROM " + table + " t"));
            }
        }
        return out.toString();
    }

    private static String one(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
