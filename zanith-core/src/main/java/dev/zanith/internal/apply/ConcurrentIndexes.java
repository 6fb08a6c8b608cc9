package dev.zanith.internal.apply;

import dev.zanith.internal.step.StepExecutor;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.sql.Identifiers;
import dev.zanith.internal.sql.SqlResources;
import dev.zanith.api.ops.AddIndex;
import dev.zanith.api.ops.AddPartitionedIndex;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.ops.Statements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Indexes built with {@code CREATE INDEX CONCURRENTLY}: a failed or interrupted build leaves an INVALID index
 * behind that blocks the next attempt ("already exists") while still costing every write. It is dropped
 * (concurrently) before each attempt and after a failure.
 */
final class ConcurrentIndexes {

    private static final Logger LOG = LoggerFactory.getLogger(ConcurrentIndexes.class);

    /** The state of an index in the catalog. */
    enum State { MISSING, VALID, INVALID }

    /** The index a step builds concurrently. */
    record Ref(String schema, String name) {
        String sql() {
            return Identifiers.qualify(schema, name);
        }
    }

    private ConcurrentIndexes() {
    }

    /** The index {@code operation} builds concurrently, if it does. */
    static Optional<Ref> builtBy(Operation operation) {
        if (operation instanceof AddIndex add && add.concurrently()) {
            return Optional.of(new Ref(add.table().schema(), add.index().name()));
        }
        return Optional.empty();
    }

    /**
     * Every index {@code operation} builds concurrently, which a failed build may leave INVALID: the index of an
     * {@link AddIndex}, the leaf partitions' indexes of an {@link AddPartitionedIndex} (never the partitioned index
     * itself, which is invalid by design until its last partition's index is attached).
     */
    static List<Ref> mayLeaveInvalid(Operation operation) {
        if (operation instanceof AddPartitionedIndex add) {
            return add.concurrentIndexes().stream().map(i -> new Ref(i.schema(), i.name())).toList();
        }
        return builtBy(operation).map(List::of).orElse(List.of());
    }

    /** Drops each of {@code indexes} a failed build left INVALID; the connection must be in auto-commit. */
    static void dropInvalid(Connection c, StepExecutor executor, List<Ref> indexes) throws SQLException {
        for (Ref index : indexes) {
            dropIfInvalid(c, executor, index);
        }
    }

    static State state(Connection c, Ref index) throws SQLException {
        return Jdbc.queryFirst(c, SqlResources.get("apply/index-validity.sql"),
                rs -> rs.getBoolean("valid") ? State.VALID : State.INVALID, index.schema(), index.name())
                .orElse(State.MISSING);
    }

    /** Drops {@code index} if a failed build left it INVALID; the connection must be in auto-commit. */
    static boolean dropIfInvalid(Connection c, StepExecutor executor, Ref index) throws SQLException {
        if (state(c, index) != State.INVALID) {
            return false;
        }
        LOG.info("Dropping INVALID index {} left by a failed concurrent build", index.sql());
        executor.execute(c, Statements.outsideTransaction("DROP INDEX CONCURRENTLY IF EXISTS " + index.sql(), false),
                StepExecutor.InTransaction.NOTHING);
        return true;
    }
}
