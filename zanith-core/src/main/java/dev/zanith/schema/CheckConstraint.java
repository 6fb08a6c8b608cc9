package dev.zanith.schema;

/**
 * A CHECK constraint. {@code expression} is as {@code pg_get_expr()} prints it (usually parenthesized).
 *
 * @param validated false for a constraint added {@code NOT VALID} and not yet validated
 */
public record CheckConstraint(String name, String expression, boolean validated, boolean noInherit) {

    public CheckConstraint {
        Lists.require(name, "check constraint name");
        Lists.require(expression, "check expression of " + name);
    }
}
