package dev.zanith.internal.sql;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SqlFragmentsTest {

    @ParameterizedTest
    @ValueSource(strings = {"'anon'", "'a;b, c -- d'", "now()", "coalesce(a, b)", "ARRAY[1, 2]", "numeric(10,2)",
            "E'it\\'s; fine'", "$$x; y$$", "$tag$ ; $$ ; $tag$", "\"odd;name\" + 1", "a /* x; /* nested, */ y */ + 1",
            "lower(email) text_pattern_ops", "created_at DESC NULLS LAST", "fillfactor=70", "$1 + 1",
            "(SELECT max(id) FROM t WHERE s = 'x')", "public.mood[]", "'it''s'"})
    void oneFragmentIsAccepted(String text) {
        assertThat(SqlFragments.problem(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"'anon'; DROP TABLE sentinel; --", "true; DROP TABLE sentinel", "1, DROP COLUMN x",
            "true) OR (true", "(1", "1]", "'open", "\"open", "$$open", "$a$open$b$", "1 /* open", "1 -- rest",
            "E'escaped\\'; DROP TABLE x; --", "   ", "f(x));  (g(y)"})
    void anythingElseIsRefused(String text) {
        assertThat(SqlFragments.problem(text)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"NO ACTION", "CASCADE", "gist", "bigint", "SET NULL"})
    void keywordsAreWords(String text) {
        assertThat(SqlFragments.wordsProblem(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CASCADE; DROP TABLE x", "btree (id) WHERE", "gist\tx", "", "NO  ACTION"})
    void keywordFieldsRefuseAnythingButWords(String text) {
        assertThat(SqlFragments.wordsProblem(text)).isPresent();
    }
}
