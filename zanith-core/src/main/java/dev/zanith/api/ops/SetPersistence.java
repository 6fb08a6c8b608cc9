package dev.zanith.api.ops;

import dev.zanith.api.schema.TableName;

/**
 * ALTER TABLE ... SET UNLOGGED or SET LOGGED. Either way PostgreSQL writes the whole table (and its indexes) to new
 * files under ACCESS EXCLUSIVE; SET LOGGED also writes all of it to the WAL. An unlogged table is emptied after a
 * crash and is not replicated to standbys.
 *
 * @param unlogged true for SET UNLOGGED, false for SET LOGGED
 */
public record SetPersistence(TableName table, boolean unlogged) implements Operation {

    public SetPersistence {
        Require.present(table, "setPersistence", "table");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.SET_PERSISTENCE;
    }

    @Override
    public TableName target() {
        return table;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.longRunning("ALTER TABLE " + table.sql() + " SET " + (unlogged ? "UNLOGGED" : "LOGGED"));
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new SetPersistence(table, !unlogged));
    }

    @Override
    public String summary() {
        return "set table " + table + (unlogged ? " unlogged" : " logged");
    }
}
