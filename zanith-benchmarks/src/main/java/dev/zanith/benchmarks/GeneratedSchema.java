package dev.zanith.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The DDL of a generated schema: setup statements (enum types, shared functions), then one script per table
 * (CREATE TABLE, its indexes, comments, lookup function, trigger and view) in an order that applies as is, plus the counts it will produce.
 */
public record GeneratedSchema(long seed, List<String> setupStatements, List<String> tableScripts,
                              ExpectedCounts expected) {

    /**
     * Tables per transaction. Every created table, index, sequence and referenced table holds a lock until
     * commit, and a default server (max_locks_per_transaction 64) runs out at a few thousand; 100 tables stay
     * well below that while keeping round trips and commits few.
     */
    public static final int TABLES_PER_TRANSACTION = 100;

    public GeneratedSchema {
        setupStatements = List.copyOf(setupStatements);
        tableScripts = List.copyOf(tableScripts);
    }

    /** The whole schema as one SQL script. */
    public String ddl() {
        StringBuilder sql = new StringBuilder();
        setupStatements.forEach(s -> sql.append(s).append(";\n"));
        tableScripts.forEach(sql::append);
        return sql.toString();
    }

    /** Applies the schema; {@code progress} hears the number of tables created after each commit. */
    public void applyTo(Connection connection, IntConsumer progress) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute(String.join(";\n", setupStatements));
            connection.commit();
            for (int from = 0; from < tableScripts.size(); from += TABLES_PER_TRANSACTION) {
                int to = Math.min(from + TABLES_PER_TRANSACTION, tableScripts.size());
                try {
                    // One simple round trip per batch: the driver sends the statements together.
                    statement.execute(String.join("", tableScripts.subList(from, to)));
                    connection.commit();
                } catch (SQLException e) {
                    throw new SQLException("Creating generated tables " + (from + 1) + "-" + to + " failed: "
                            + e.getMessage(), e.getSQLState(), e);
                }
                progress.accept(to);
            }
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
