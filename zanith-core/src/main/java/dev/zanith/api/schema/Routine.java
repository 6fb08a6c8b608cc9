package dev.zanith.api.schema;

import org.jspecify.annotations.Nullable;

import java.util.List;

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
 * @param dependsOn  the signatures of the routines (of the introspected schemas) it calls, sorted, as
 *                   {@code pg_depend} records them: only a SQL-standard body ({@code BEGIN ATOMIC ... END} or
 *                   {@code RETURN expr}, PostgreSQL 14+) is parsed at creation and leaves such edges, and only those
 *                   make the server refuse to drop the routine it calls. A string body ({@code AS $$...$$}) leaves
 *                   none: the server does not check it at drop time, and a call to a routine dropped meanwhile fails
 *                   when it runs. Empty for most routines (and left out of the JSON form then).
 */
public record Routine(String schema, String name, String signature, String kind, String arguments,
                      @Nullable String result, String language, String definition, List<String> dependsOn) {

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
        dependsOn = Lists.sorted(dependsOn, String::compareTo);
    }

    /** A routine that calls no other (as every routine with a string body is recorded). */
    public Routine(String schema, String name, String signature, String kind, String arguments,
                   @Nullable String result, String language, String definition) {
        this(schema, name, signature, kind, arguments, result, language, definition, List.of());
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
