package dev.zanith.internal.risk;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of the functions an SQL expression calls, so their volatility can be looked up in
 * {@code pg_proc} instead of a hard-coded list. Over-reporting is harmless (an unknown name is looked up and
 * reported); SQL syntax that looks like a call (COALESCE, casts with type modifiers) is left out.
 */
public final class FunctionCalls {

    private static final Pattern STRING = Pattern.compile("'(?:[^']|'')*'");
    private static final Pattern CAST = Pattern.compile(
            "::\\s*(?:\"[^\"]+\"|[A-Za-z_][\\w$]*)(?:\\.(?:\"[^\"]+\"|[A-Za-z_][\\w$]*))?"
                    + "(?:\\s+(?:varying|precision|with|without|time|zone))*\\s*(?:\\(\\s*\\d+\\s*(?:,\\s*\\d+\\s*)?\\))?(?:\\s*\\[\\s*\\d*\\s*])*");
    private static final Pattern CALL = Pattern.compile(
            "((?:(?:\"[^\"]+\"|[A-Za-z_][\\w$]*)\\s*\\.\\s*)?(?:\"[^\"]+\"|[A-Za-z_][\\w$]*))\\s*\\(");
    /** Keywords and type names that take parentheses without being functions in pg_proc. */
    private static final Set<String> SYNTAX = Set.of("coalesce", "nullif", "greatest", "least", "row", "array", "exists",
            "cast", "in", "any", "all", "some", "values", "and", "or", "not", "is", "case", "when", "then", "else",
            "varchar", "char", "character", "varying", "numeric", "decimal", "timestamp", "time", "interval", "bit",
            "varbit", "float", "precision", "zone", "filter", "over", "within", "distinct", "as", "from", "select",
            "where", "like", "ilike", "similar", "between", "collate", "using", "on", "xmlelement", "xmlforest");

    private FunctionCalls() {
    }

    /** Function names, lower-cased unless quoted; {@code schema.name} when qualified. */
    public static Set<String> names(String expression) {
        Set<String> names = new LinkedHashSet<>();
        if (expression == null || expression.isBlank()) {
            return names;
        }
        String text = CAST.matcher(STRING.matcher(expression).replaceAll("''")).replaceAll(" ");
        Matcher m = CALL.matcher(text);
        while (m.find()) {
            String name = normalize(m.group(1));
            String last = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
            if (!SYNTAX.contains(last)) {
                names.add(name);
            }
        }
        return names;
    }

    private static String normalize(String qualified) {
        StringBuilder out = new StringBuilder();
        for (String part : qualified.split("\\s*\\.\\s*")) {
            if (!out.isEmpty()) {
                out.append('.');
            }
            out.append(part.startsWith("\"") ? part.substring(1, part.length() - 1).replace("\"\"", "\"")
                    : part.toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }
}
