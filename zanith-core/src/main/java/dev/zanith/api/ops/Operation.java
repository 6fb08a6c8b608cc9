package dev.zanith.api.ops;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.zanith.api.schema.TableName;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One typed schema change: what a migration file lists, what the risk model classifies and what the runner
 * executes as one audited step. Written to files as {@code - addColumn: {...}} (the kind wraps the fields).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
public interface Operation {

    /** The operation's kind; its id is the camelCase name used in files and audit rows. */
    OperationKind kind();

    /** The table this operation touches, or null for schema-level operations (extensions, enums, ...). */
    @Nullable TableName target();

    /** The SQL that performs it, with how it must run. */
    Statements render(RenderContext context);

    /**
     * Whether this step is known to take long (index builds, constraint validation, rewrites, copies, backfills): the
     * one definition, {@link Statements#longRunning()} of its rendering, which gives it the long
     * {@code statement_timeout} (every other step gets the ordinary one); the Spring starter's
     * {@code background-long-running} finishes the migrations from the first such step on after startup. Raw SQL is
     * no exception: its rendering is long-running when one of its statements does such work (a
     * {@code CREATE INDEX CONCURRENTLY}, a {@code VALIDATE CONSTRAINT}, ...), so an {@code UPDATE} in a raw step
     * gets the ordinary timeout. The answer does not depend on the render context; an operation that cannot be
     * rendered is not long-running (apply fails it at its step, and the plan says why).
     */
    default boolean longRunning() {
        try {
            return render(RenderContext.preview()).longRunning();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** What undoes it, for review; may be irreversible (data is gone). */
    Reversal reverse();

    /** One line for people: "add column public.users.last_login (timestamp with time zone)". */
    String summary();

    /** Tables other than {@link #target()} this operation locks (a foreign key's referenced table). */
    default List<TableName> alsoTouches() {
        return List.of();
    }
}
