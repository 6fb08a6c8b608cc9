package dev.zanith.api.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One spelling for CHECK expressions whose {@code pg_get_expr()} text PostgreSQL does not read back as the same text.
 * {@code status IN ('A', 'B')} on a {@code varchar} column prints as
 * {@code ((status)::text = ANY ((ARRAY['A'::character varying, 'B'::character varying])::text[]))}; that text, run
 * again (as a generated migration runs it), prints as
 * {@code ((status)::text = ANY (ARRAY[('A'::character varying)::text, ('B'::character varying)::text]))}: the same
 * constraint, another text. Without one spelling, a migration generated from the first would never reach it, and every
 * later generate would drop and re-add the constraint. The second spelling is mapped to the first, the one a
 * hand-written {@code IN} list (Hibernate's enum checks among them) prints as.
 */
final class CheckExpressions {

    private static final String ELEMENT = "\\('(?:[^']|'')*'::[a-z][a-z ]*\\)::[a-z][a-z ]*";
    /** {@code ARRAY[('a'::T)::U, ('b'::T)::U]}: an array of literals each cast twice. */
    private static final Pattern ARRAY_OF_CASTS = Pattern.compile("ARRAY\\[(" + ELEMENT + "(?:, " + ELEMENT + ")*)]");
    private static final Pattern ELEMENT_PARTS = Pattern.compile("\\(('(?:[^']|'')*')::([a-z][a-z ]*)\\)::([a-z][a-z ]*)");

    private CheckExpressions() {
    }

    /** {@code expression} with every {@code ARRAY[('a'::T)::U, ...]} written {@code (ARRAY['a'::T, ...])::U[]}. */
    static String canonical(String expression) {
        if (!expression.contains("ARRAY[(")) {
            return expression;
        }
        Matcher array = ARRAY_OF_CASTS.matcher(expression);
        StringBuilder out = new StringBuilder();
        while (array.find()) {
            Matcher element = ELEMENT_PARTS.matcher(array.group(1));
            List<String> literals = new ArrayList<>();
            String from = null;
            String to = null;
            boolean uniform = true;
            while (element.find()) {
                literals.add(element.group(1));
                uniform &= (from == null || from.equals(element.group(2))) && (to == null || to.equals(element.group(3)));
                from = element.group(2);
                to = element.group(3);
            }
            String replacement = array.group();
            if (uniform && from != null) {
                String type = from;
                replacement = "(ARRAY[" + String.join(", ", literals.stream().map(l -> l + "::" + type).toList())
                        + "])::" + to + "[]";
            }
            array.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        array.appendTail(out);
        return out.toString();
    }
}
