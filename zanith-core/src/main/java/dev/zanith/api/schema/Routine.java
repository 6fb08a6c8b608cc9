package dev.zanith.api.schema;

import org.jspecify.annotations.Nullable;

/**
 * A function or procedure (not an aggregate, not one an extension owns), as the server prints it. Its identity is
 * {@code signature}: schema, name and argument types, as {@code regprocedure} spells them
 * ({@code public.touch()}, {@code public.f(integer,text)}) — what a trigger names and what {@code DROP FUNCTION} takes.
 *
 * @param kind       {@code function} or {@code procedure} ({@code pg_proc.prokind} f/w or p)
 * @param arguments  the full argument list with names, modes and defaults ({@code pg_get_function_arguments}); CREATE
 *                   OR REPLACE can keep a routine only when this, the kind and the result stay the same
 * @param result     the result type ({@code pg_get_function_result}: {@code integer}, {@code SETOF text},
 *                   {@code trigger}, {@code TABLE(a integer)}), null for a procedure
 * @param language   {@code plpgsql}, {@code sql}, ...
 * @param definition the normal form: {@code pg_get_functiondef} ({@code CREATE OR REPLACE FUNCTION ...}), read with
 *                   only {@code pg_catalog} on the search path so every name in the header is schema-qualified
 */
public record Routine(String schema, String name, String signature, String kind, String arguments,
                      @Nullable String result, String language, String definition) {

    /** The two kinds, as {@link #kind()} spells them. */
    public static final String FUNCTION = "function";
    public static final String PROCEDURE = "procedure";

    public Routine {
        Lists.require(schema, "routine schema");
        Lists.require(name, "routine name");
        Lists.require(signature, "signature of routine " + name);
        kind = kind == null ? FUNCTION : kind;
        if (!kind.equals(FUNCTION) && !kind.equals(PROCEDURE)) {
            throw new IllegalArgumentException("routine " + signature + ": kind must be function or procedure, not " + kind);
        }
        arguments = arguments == null ? "" : arguments;
        Lists.require(language, "language of routine " + signature);
        Lists.require(definition, "definition of routine " + signature);
    }

    /** {@code FUNCTION} or {@code PROCEDURE}, for DDL. */
    public String keyword() {
        return kind.equals(PROCEDURE) ? "PROCEDURE" : "FUNCTION";
    }

    /**
     * The call prefix an expression naming this routine contains, as {@code pg_get_expr} prints calls with only
     * {@code pg_catalog} on the search path: {@code public.f(}.
     */
    public String callPrefix() {
        return dev.zanith.internal.sql.Identifiers.qualify(schema, name) + "(";
    }

    /** Whether CREATE OR REPLACE can turn {@code this} into {@code other}: same identity, kind, arguments and result. */
    public boolean replaceableBy(Routine other) {
        return signature.equals(other.signature) && kind.equals(other.kind) && arguments.equals(other.arguments)
                && java.util.Objects.equals(result, other.result);
    }
}
