package dev.zanith.api.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A CHECK constraint. {@code expression} is as {@code pg_get_expr()} prints it (usually parenthesized), in the one
 * spelling of {@code CheckExpressions} where PostgreSQL prints the same constraint two ways.
 *
 * @param validated false for a constraint added {@code NOT VALID} and not yet validated
 */
public record CheckConstraint(String name, String expression, boolean validated, boolean noInherit) {

    public CheckConstraint {
        Lists.require(name, "check constraint name");
        Lists.require(expression, "check expression of " + name);
        expression = CheckExpressions.canonical(expression);
    }

    /** The same constraint marked validated (operations carry validity in their own {@code notValid}). */
    public CheckConstraint asValidated() {
        return validated ? this : new CheckConstraint(name, expression, true, noInherit);
    }

    /** Reads a check; left out, {@code validated} means validated. */
    @JsonCreator
    static CheckConstraint json(@JsonProperty("name") String name, @JsonProperty("expression") String expression,
                                @JsonProperty("validated") @Nullable Boolean validated,
                                @JsonProperty("noInherit") boolean noInherit) {
        return new CheckConstraint(name, expression, validated == null || validated, noInherit);
    }
}
