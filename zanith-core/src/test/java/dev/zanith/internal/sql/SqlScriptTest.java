package dev.zanith.internal.sql;

import dev.zanith.api.exception.ZanithException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The splitter on its own: no database needed. */
class SqlScriptTest {

    private static List<String> sqls(String text) {
        return SqlScript.parse(text).statements().stream().map(SqlScript.Statement::sql).toList();
    }

    @Test
    void splitsOnSemicolonsAndKeepsStartLineColumnAndOffset() {
        String text = "CREATE TABLE a (id int);\n\n  CREATE TABLE b (id int);  CREATE TABLE c (id int)\n";
        List<SqlScript.Statement> statements = SqlScript.parse(text).statements();
        assertThat(statements).extracting(SqlScript.Statement::sql).containsExactly(
                "CREATE TABLE a (id int)", "CREATE TABLE b (id int)", "CREATE TABLE c (id int)");
        assertThat(statements).extracting(SqlScript.Statement::index).containsExactly(0, 1, 2);
        assertThat(statements).extracting(SqlScript.Statement::line).containsExactly(1, 3, 3);
        assertThat(statements).extracting(SqlScript.Statement::column).containsExactly(1, 3, 29);
        for (SqlScript.Statement s : statements) {
            assertThat(text.substring(s.offset())).startsWith(s.sql());
            assertThat(s.psqlMetaCommand()).isFalse();
        }
    }

    @Test
    void dropsEmptyStatementsAndCommentOnlyChunks() {
        assertThat(sqls("")).isEmpty();
        assertThat(sqls("  \n\t ")).isEmpty();
        assertThat(sqls(";;; ;\n;")).isEmpty();
        assertThat(sqls("-- only a comment; with a semicolon\n/* and a block; */\n;")).isEmpty();
        assertThat(sqls("SELECT 1;;\n;SELECT 2;\n-- trailing; comment\n")).containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void statementsStartAtTheirFirstTokenNotAtLeadingComments() {
        List<SqlScript.Statement> statements = SqlScript.parse("""
                -- the accounts; all of them
                /* block
                   comment; */
                CREATE TABLE accounts (id int);
                """).statements();
        assertThat(statements).singleElement().satisfies(s -> {
            assertThat(s.sql()).isEqualTo("CREATE TABLE accounts (id int)");
            assertThat(s.line()).isEqualTo(4);
            assertThat(s.column()).isEqualTo(1);
        });
    }

    @Test
    void commentsInsideAStatementStayAndTheirSemicolonsDoNotSplit() {
        assertThat(sqls("""
                CREATE TABLE t ( -- a comment; with a semicolon
                  id int /* another; one */ , name text);
                SELECT 1 -- last; comment without newline""")).containsExactly("""
                CREATE TABLE t ( -- a comment; with a semicolon
                  id int /* another; one */ , name text)""", "SELECT 1 -- last; comment without newline");
    }

    @Test
    void nestedBlockComments() {
        assertThat(sqls("/* outer /* inner; */ still comment; */ SELECT 1; SELECT /* a /* b */ c; */ 2;"))
                .containsExactly("SELECT 1", "SELECT /* a /* b */ c; */ 2");
    }

    @Test
    void singleQuotedStringsWithDoubledQuotes() {
        assertThat(sqls("INSERT INTO t VALUES ('a;b', 'it''s; fine', '');SELECT ''';';"))
                .containsExactly("INSERT INTO t VALUES ('a;b', 'it''s; fine', '')", "SELECT ''';'");
    }

    @Test
    void standardStringsTakeBackslashesLiterally() {
        // With standard_conforming_strings on, 'C:\' is a complete string.
        assertThat(sqls("SELECT 'C:\\'; SELECT 2;")).containsExactly("SELECT 'C:\\'", "SELECT 2");
    }

    @Test
    void escapeStringsWithBackslashes() {
        assertThat(sqls("SELECT E'it\\'s; \\\\'; SELECT e'\\';'';x'; SELECT 3;"))
                .containsExactly("SELECT E'it\\'s; \\\\'", "SELECT e'\\';'';x'", "SELECT 3");
        // a word ending in e is not an escape-string prefix
        assertThat(sqls("SELECT name'x\\'; SELECT 2;")).containsExactly("SELECT name'x\\'", "SELECT 2");
    }

    @Test
    void otherStringPrefixesAndUnicodeEscapes() {
        assertThat(sqls("SELECT U&'d\\0061t;a', B'101', X'1F', N'n;', U&\"d;\" ; SELECT 2"))
                .containsExactly("SELECT U&'d\\0061t;a', B'101', X'1F', N'n;', U&\"d;\"", "SELECT 2");
    }

    @Test
    void quotedIdentifiers() {
        assertThat(sqls("CREATE TABLE \"semi;colon\" (\"it\"\"s;\" int, \"--not a comment\" int); SELECT 1"))
                .containsExactly("CREATE TABLE \"semi;colon\" (\"it\"\"s;\" int, \"--not a comment\" int)", "SELECT 1");
    }

    @Test
    void dollarQuotedBodies() {
        String function = """
                CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  NEW.updated_at := now(); -- a comment; inside
                  RAISE NOTICE 'it''s; $tag$ fine';
                  RETURN NEW;
                END
                $$""";
        String tagged = """
                CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $body$
                  SELECT $$nested; $$ || 'x;'
                $body$""";
        assertThat(sqls(function + ";\n" + tagged + ";\nSELECT 1;")).containsExactly(function, tagged, "SELECT 1");
    }

    @Test
    void dollarSignsThatDoNotQuote() {
        // positional parameters, dollars inside identifiers, and a tag that is closed only by its exact spelling
        assertThat(sqls("PREPARE p AS SELECT $1; SELECT a$b$c FROM t; SELECT 1;"))
                .containsExactly("PREPARE p AS SELECT $1", "SELECT a$b$c FROM t", "SELECT 1");
        assertThat(sqls("SELECT $A$ x; $a$ y; $A$; SELECT 2"))
                .containsExactly("SELECT $A$ x; $a$ y; $A$", "SELECT 2");
    }

    @Test
    void sqlStandardFunctionBodies() {
        String function = """
                CREATE FUNCTION add_one(x int) RETURNS int LANGUAGE sql
                BEGIN ATOMIC
                  SELECT 1;
                  SELECT CASE WHEN x > 0 THEN x + 1 ELSE 0 END;
                END""";
        String procedure = """
                create or replace procedure log_it(msg text)
                begin atomic
                  insert into log values (msg);
                  select (case when true then 1 end);
                end""";
        assertThat(sqls(function + ";\n" + procedure + ";\nSELECT 3;"))
                .containsExactly(function, procedure, "SELECT 3");
    }

    @Test
    void transactionBlocksAndCaseOutsideRoutinesSplitNormally() {
        assertThat(sqls("BEGIN; CREATE TABLE t (a int); SELECT CASE WHEN true THEN 1 END; END; COMMIT;"))
                .containsExactly("BEGIN", "CREATE TABLE t (a int)", "SELECT CASE WHEN true THEN 1 END", "END",
                        "COMMIT");
        // a function with a quoted body is one statement up to the semicolon after it
        assertThat(sqls("CREATE FUNCTION f() RETURNS int LANGUAGE sql RETURN 1; SELECT f();"))
                .containsExactly("CREATE FUNCTION f() RETURNS int LANGUAGE sql RETURN 1", "SELECT f()");
    }

    @Test
    void semicolonsInsideParenthesesDoNotSplit() {
        String rule = "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO log VALUES (1); NOTIFY t)";
        assertThat(sqls(rule + "; SELECT 1")).containsExactly(rule, "SELECT 1");
    }

    @Test
    void unterminatedConstructsRunToTheEnd() {
        assertThat(sqls("SELECT 1; SELECT 'open; SELECT 2;")).containsExactly("SELECT 1", "SELECT 'open; SELECT 2;");
        assertThat(sqls("SELECT 1; SELECT $$ open; SELECT 2;"))
                .containsExactly("SELECT 1", "SELECT $$ open; SELECT 2;");
        assertThat(sqls("SELECT 1; SELECT 2 /* open; */ /*")).containsExactly("SELECT 1", "SELECT 2 /* open; */ /*");
        assertThat(sqls("SELECT E'\\")).containsExactly("SELECT E'\\");
    }

    @Test
    void psqlMetaCommandsWhereAStatementWouldStart() {
        List<SqlScript.Statement> statements = SqlScript.parse("""
                \\restrict abc
                SET search_path = '';
                \\connect app
                CREATE TABLE t (a int);
                SELECT '\\not a meta command';
                """).statements();
        assertThat(statements).extracting(SqlScript.Statement::sql).containsExactly("\\restrict abc",
                "SET search_path = ''", "\\connect app", "CREATE TABLE t (a int)", "SELECT '\\not a meta command'");
        assertThat(statements).extracting(SqlScript.Statement::psqlMetaCommand)
                .containsExactly(true, false, true, false, false);
        assertThat(statements).extracting(SqlScript.Statement::line).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void linesCountAllLineBreakStyles() {
        List<SqlScript.Statement> statements = SqlScript.parse("SELECT 1;\r\nSELECT 2;\rSELECT 3;\n\r\n  SELECT 4;")
                .statements();
        assertThat(statements).extracting(SqlScript.Statement::line).containsExactly(1, 2, 3, 5);
        assertThat(statements.get(3).column()).isEqualTo(3);
    }

    @Test
    void positionsOfServerErrorsCountCharactersNotUtf16Units() {
        // 'é' is one char, '😀' two UTF-16 units but one character for PostgreSQL
        SqlScript script = SqlScript.parse("SELECT 1;\n-- intro\nCREATE TABLE \"😀é\" (\n  a nosuchtype);\n");
        SqlScript.Statement create = script.statements().get(1);
        assertThat(create.line()).isEqualTo(3);
        int position = create.sql().codePointCount(0, create.sql().indexOf("nosuchtype")) + 1;
        assertThat(script.positionInStatement(create, position)).isEqualTo(new SqlScript.Position(4, 5));
        assertThat(script.positionInStatement(create, 0)).isEqualTo(new SqlScript.Position(3, 1));
        assertThat(script.positionInStatement(create, 10_000))
                .isEqualTo(script.positionAt(create.offset() + create.sql().length()));
        // columns count code points too
        assertThat(script.positionAt(script.text().indexOf("é"))).isEqualTo(new SqlScript.Position(3, 16));
    }

    @Test
    void wordsSkipQuotesAndComments() {
        SqlScript.Statement s = SqlScript.parse("/* c */ Create -- x\n OR replace \"Function\" E'a' $$b$$ "
                + "FUNCTION f(n numeric(10,2))").statements().get(0);
        assertThat(s.words(10)).containsExactly("create", "or", "replace", "function", "f", "n", "numeric");
        assertThat(s.words(2)).containsExactly("create", "or");
    }

    @Test
    void summaryIsOneShortLine() {
        SqlScript.Statement s = SqlScript.parse("CREATE TABLE t (\n    a int,\n    b text\n)").statements().get(0);
        assertThat(s.summary(80)).isEqualTo("CREATE TABLE t ( a int, b text )");
        assertThat(s.summary(10)).isEqualTo("CREATE TAB...");
    }

    @Test
    void readsUtf8FilesIgnoringAByteOrderMark(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("schema.sql");
        Files.write(file, ("\uFEFFCREATE TABLE \"ü\" (a int);\nSELECT 1;").getBytes(StandardCharsets.UTF_8));
        SqlScript script = SqlScript.read(file);
        assertThat(script.statements()).extracting(SqlScript.Statement::sql)
                .containsExactly("CREATE TABLE \"ü\" (a int)", "SELECT 1");
        assertThat(script.statements().get(0).column()).isEqualTo(1);
    }

    @Test
    void unreadableFilesAreClearErrors(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nope.sql");
        assertThatThrownBy(() -> SqlScript.read(missing)).isInstanceOf(ZanithException.class)
                .hasMessageContaining("File not found: " + missing);
        Path latin1 = dir.resolve("latin1.sql");
        Files.write(latin1, new byte[]{'S', 'E', 'L', 'E', 'C', 'T', ' ', '\'', (byte) 0xE9, '\''});
        assertThatThrownBy(() -> SqlScript.read(latin1)).isInstanceOf(ZanithException.class)
                .hasMessageContaining("latin1.sql:1: not valid UTF-8: byte 8 (0xE9)");
        assertThatThrownBy(() -> SqlScript.read(dir)).isInstanceOf(ZanithException.class)
                .hasMessageContaining("is a directory");
    }

    @Test
    void aPgDumpStyleScript() {
        String dump = """
                --
                -- PostgreSQL database dump
                --

                SET statement_timeout = 0;
                SELECT pg_catalog.set_config('search_path', '', false);

                CREATE FUNCTION public.slug(t text) RETURNS text
                    LANGUAGE sql IMMUTABLE
                    AS $_$SELECT lower(regexp_replace($1, '[^a-z0-9]+', '-', 'gi'));$_$;

                CREATE TABLE public."Order" (
                    id integer NOT NULL,
                    note text DEFAULT 'n/a; none'::text
                );

                COMMENT ON TABLE public."Order" IS 'orders; all of them';
                """;
        List<SqlScript.Statement> statements = SqlScript.parse(dump).statements();
        assertThat(statements).extracting(SqlScript.Statement::line).containsExactly(5, 6, 8, 12, 17);
        assertThat(statements.get(2).sql()).endsWith("'gi'));$_$");
        assertThat(statements.get(4).sql()).isEqualTo("COMMENT ON TABLE public.\"Order\" IS 'orders; all of them'");
    }

    @Test
    void copyFromStdinDataRunsToTheBackslashDotLineAndIsNotSql() {
        SqlScript script = SqlScript.parse("CREATE TABLE c (id int, code text);\n"
                + "COPY c (id, code) FROM stdin;\n1\tEUR;\n2\tJ\\\\PY\n\\.\nSELECT 1;");
        assertThat(script.statements()).extracting(SqlScript.Statement::sql)
                .containsExactly("CREATE TABLE c (id int, code text)", "COPY c (id, code) FROM stdin", "SELECT 1");
        assertThat(script.statements().get(1).copyData()).isEqualTo("1\tEUR;\n2\tJ\\\\PY\n");
        assertThat(script.statements().get(1).copyFromStdin()).isTrue();
        assertThat(script.statements().get(2).line()).isEqualTo(6);
        assertThat(script.statements().get(0).copyData()).isNull();
    }

    @Test
    void copyDataEndsAtTheEndOfTheFileWithoutBackslashDotAndKeepsCrLf() {
        SqlScript script = SqlScript.parse("COPY c FROM STDIN WITH (FORMAT csv);\r\n1,\"a;b\"\r\n2,'x'");
        assertThat(script.statements()).singleElement().satisfies(s ->
                assertThat(s.copyData()).isEqualTo("1,\"a;b\"\r\n2,'x'"));
        // COPY TO STDOUT and COPY FROM a file have no data lines
        assertThat(sqls("COPY c TO stdout;\nSELECT 1;")).containsExactly("COPY c TO stdout", "SELECT 1");
    }

    @Test
    void theRestOfTheCopyLineIsLexedAfterTheData() {
        SqlScript script = SqlScript.parse("COPY c FROM stdin; SELECT 2;\n1\n\\.\nSELECT 3;");
        assertThat(script.statements()).extracting(SqlScript.Statement::sql)
                .containsExactly("COPY c FROM stdin", "SELECT 2", "SELECT 3");
        assertThat(script.statements().get(0).copyData()).isEqualTo("1\n");
    }

    @Test
    void metaCommandsAnywhereOutsideQuotesAreMetaCommands() {
        List<SqlScript.Statement> statements = SqlScript.parse("SELECT 1 \\gexec\nSELECT 'a\\b', $$\\x$$, \"q\\\";\n"
                + "  \\set x 1\n").statements();
        assertThat(statements).extracting(SqlScript.Statement::psqlMetaCommand).containsExactly(true, false, true);
        assertThat(statements).extracting(SqlScript.Statement::line).containsExactly(1, 1, 3);
        // the interrupted statement goes on after the meta-command's line, as psql's query buffer does
        assertThat(statements.get(1).sql()).endsWith("SELECT 'a\\b', $$\\x$$, \"q\\\"");
    }

    @Test
    void standardConformingStringsOffMakesBackslashesEscapeInPlainStrings() {
        String text = "SET standard_conforming_strings = off;\nINSERT INTO t VALUES ('it\\'s; fine');\n"
                + "SET standard_conforming_strings TO on;\nINSERT INTO t VALUES ('a\\');\nSELECT 2;";
        assertThat(sqls(text)).containsExactly("SET standard_conforming_strings = off",
                "INSERT INTO t VALUES ('it\\'s; fine')", "SET standard_conforming_strings TO on",
                "INSERT INTO t VALUES ('a\\')", "SELECT 2");
        assertThat(sqls("SET SESSION standard_conforming_strings = 'off'; SELECT 'x\\';'; RESET ALL; SELECT '\\';"))
                .containsExactly("SET SESSION standard_conforming_strings = 'off'", "SELECT 'x\\';'", "RESET ALL",
                        "SELECT '\\'");
    }

    @Test
    void escapeStringsNestedCommentsTaggedDollarQuotesQuotedIdentifiers() {
        assertThat(sqls("SELECT E'a\\'; b';SELECT e'\\\\';")).containsExactly("SELECT E'a\\'; b'", "SELECT e'\\\\'");
        assertThat(sqls("SELECT /* a /* nested; */ still; */ 1; SELECT 2"))
                .containsExactly("SELECT /* a /* nested; */ still; */ 1", "SELECT 2");
        assertThat(sqls("SELECT $a$ $$; $b$ ; $b$ $a$; SELECT 3")).containsExactly("SELECT $a$ $$; $b$ ; $b$ $a$",
                "SELECT 3");
        assertThat(sqls("CREATE TABLE \"a;b\" (\"c\"\"; d\" int); SELECT 4 -- done; really"))
                .containsExactly("CREATE TABLE \"a;b\" (\"c\"\"; d\" int)", "SELECT 4 -- done; really");
    }

    @Test
    void tokensKeepQuotedIdentifiersAndPunctuation() {
        SqlScript.Statement s = SqlScript.parse("CREATE UNIQUE INDEX CONCURRENTLY \"My Idx\" ON app.\"T\" (a)")
                .statements().get(0);
        assertThat(s.tokens(20)).containsExactly("CREATE", "UNIQUE", "INDEX", "CONCURRENTLY", "\"My Idx\"", "ON", "app",
                ".", "\"T\"", "(", "a", ")");
    }

    @Test
    void nonUtf8IsRefusedWithTheByteOffsetAndLine() {
        byte[] bytes = "SELECT 1;\nSELECT 'caf\u00e9';".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> SqlScript.decode(bytes, "V1__x.sql")).isInstanceOf(ZanithException.class)
                .hasMessageStartingWith("V1__x.sql:2: not valid UTF-8: byte 21 (0xE9)");
        assertThat(SqlScript.decode("\uFEFFSELECT 1;".getBytes(StandardCharsets.UTF_8), "x")).isEqualTo("SELECT 1;");
    }
}
