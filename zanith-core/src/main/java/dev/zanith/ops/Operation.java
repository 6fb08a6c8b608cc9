package dev.zanith.ops;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.zanith.schema.TableName;

import java.util.List;

/**
 * One typed schema change: what a migration file lists, what the risk model classifies and what the runner
 * executes as one audited step. Written to files as {@code - addColumn: {...}} (the kind wraps the fields).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
public interface Operation {

    /** The operation's kind; its id is the camelCase name used in files and audit rows. */
    OperationKind kind();

    /** The table this operation touches, or null for schema-level operations (extensions, enums, ...). */
    TableName target();

    /** The SQL that performs it, with how it must run. */
    Statements render(RenderContext context);

    /** What undoes it, for review; may be irreversible (data is gone). */
    Reversal reverse();

    /** One line for people: "add column public.users.last_login (timestamp with time zone)". */
    String summary();

    /** Tables other than {@link #target()} this operation locks (a foreign key's referenced table). */
    default List<TableName> alsoTouches() {
        return List.of();
    }
}
