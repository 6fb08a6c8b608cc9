package dev.zanith.api.schema;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one spelling of check expressions PostgreSQL prints two ways (the server-side proof is in GenerateTest). */
class CheckExpressionsTest {

    @Test
    void anArrayOfLiteralsCastTwiceIsSpelledAsTheDeclaredInListPrints() {
        String declared = "((status)::text = ANY ((ARRAY['A'::character varying, 'B, (x)'::character varying, "
                + "'it''s'::character varying])::text[]))";
        String reprinted = "((status)::text = ANY (ARRAY[('A'::character varying)::text, "
                + "('B, (x)'::character varying)::text, ('it''s'::character varying)::text]))";

        assertThat(CheckExpressions.canonical(reprinted)).isEqualTo(declared);
        assertThat(CheckExpressions.canonical(declared)).isEqualTo(declared);
        assertThat(new CheckConstraint("c", reprinted, true, false)).isEqualTo(new CheckConstraint("c", declared, true, false));
    }

    @Test
    void otherExpressionsAreLeftAsTheyAre() {
        String mixed = "(x = ANY (ARRAY[('a'::character varying)::text, ('b'::bpchar)::text]))";
        String plain = "((price > (0)::numeric) AND (status = ANY (ARRAY['a'::text, 'b'::text])))";
        String column = "(x = ANY (ARRAY[(y)::text, ('b'::character varying)::text]))";

        assertThat(CheckExpressions.canonical(mixed)).isEqualTo(mixed);
        assertThat(CheckExpressions.canonical(plain)).isEqualTo(plain);
        assertThat(CheckExpressions.canonical(column)).isEqualTo(column);
    }
}
