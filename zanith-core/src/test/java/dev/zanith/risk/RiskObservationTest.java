package dev.zanith.risk;

import dev.zanith.diff.Differ;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.ops.Operation;
import dev.zanith.ops.OperationKind;
import dev.zanith.ops.RenderContext;
import dev.zanith.ops.Statements;
import dev.zanith.schema.SchemaGraph;
import dev.zanith.schema.TableName;
import dev.zanith.testsupport.PostgresServer;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published lock and rewrite facts, observed instead of assumed: every transactional row of the risk
 * table runs on a real server inside a transaction that is rolled back, and the locks its backend holds
 * ({@code pg_locks}) and the table's {@code relfilenode} must match what the classifier claims.
 */
@RealPostgres
class RiskObservationTest {

    private static final Set<OperationKind> NOT_OBSERVED = Set.of(OperationKind.RAW_SQL,
            OperationKind.CREATE_EXTENSION, OperationKind.DROP_EXTENSION);

    @Test
    void lockAndRewriteFactsMatchTheServer(PostgresServer server, TestDatabase shared) throws Exception {
        createSchema(shared);
        List<String> mismatches = new ArrayList<>();
        int observed = 0;
        for (RiskTable.Row row : RiskTable.rows()) {
            Statements statements = row.sample().render(RenderContext.preview());
            if (NOT_OBSERVED.contains(row.kind()) || !statements.transactional()) {
                continue;
            }
            if (row.setup().isEmpty()) {
                observe(shared, row, statements, mismatches);
            } else {
                try (TestDatabase db = server.createDatabase("risk_observe")) {
                    createSchema(db);
                    try (Connection c = db.connect()) {
                        for (Operation setup : row.setup()) {
                            for (String sql : setup.render(RenderContext.preview()).sql()) {
                                Jdbc.execute(c, sql);
                            }
                        }
                    }
                    observe(db, row, statements, mismatches);
                }
            }
            observed++;
        }
        assertThat(observed).isGreaterThan(50);
        assertThat(mismatches).isEmpty();
    }

    private static void createSchema(TestDatabase db) throws SQLException {
        SchemaGraph graph = RiskTable.graph();
        try (Connection c = db.connect()) {
            for (Operation op : Differ.diff(SchemaGraph.empty(), graph).operations()) {
                for (String sql : op.render(RenderContext.preview()).sql()) {
                    Jdbc.execute(c, sql);
                }
            }
        }
    }

    private static void observe(TestDatabase db, RiskTable.Row row, Statements statements, List<String> mismatches)
            throws SQLException {
        String label = row.kind().id() + (row.variant().isEmpty() ? "" : " (" + row.variant() + ")");
        try (Connection c = db.connect()) {
            Map<Long, TableName> tables = new HashMap<>();
            Map<TableName, Long> files = new HashMap<>();
            Jdbc.query(c, "SELECT oid::bigint, relname, relfilenode::bigint FROM pg_class WHERE relkind = 'r' "
                    + "AND relnamespace = 'public'::regnamespace", rs -> {
                TableName name = new TableName("public", rs.getString(2));
                tables.put(rs.getLong(1), name);
                files.put(name, rs.getLong(3));
                return null;
            });
            c.setAutoCommit(false);
            try {
                for (String sql : statements.sql()) {
                    Jdbc.execute(c, sql);
                }
                Map<TableName, LockMode> held = new TreeMap<>();
                Jdbc.query(c, "SELECT relation::bigint, mode FROM pg_locks WHERE pid = pg_backend_pid() "
                        + "AND locktype = 'relation' AND granted", rs -> {
                    TableName table = tables.get(rs.getLong(1));
                    LockMode mode = LockMode.fromPgLocks(rs.getString(2)).orElseThrow();
                    if (table != null) {
                        held.merge(table, mode, LockMode::strongest);
                    }
                    return null;
                });
                Map<TableName, LockMode> claimed = new TreeMap<>();
                row.base().facts().locks().stream().filter(l -> tables.containsValue(l.table()))
                        .forEach(l -> claimed.put(l.table(), l.mode()));
                if (!held.equals(claimed)) {
                    mismatches.add(label + ": claims " + claimed + ", holds " + held);
                }
                TableName target = row.sample().target();
                Boolean rewrite = row.base().facts().rewrite();
                if (target != null && files.containsKey(target) && rewrite != null) {
                    Long after = Jdbc.queryFirst(c, "SELECT relfilenode::bigint FROM pg_class WHERE oid = "
                            + "(SELECT oid FROM pg_class WHERE relname = ? AND relnamespace = 'public'::regnamespace)",
                            rs -> rs.getLong(1), target.name()).orElse(null);
                    if (after != null && (after.longValue() != files.get(target)) != rewrite) {
                        mismatches.add(label + ": claims rewrite=" + rewrite + ", relfilenode "
                                + (after.longValue() != files.get(target) ? "changed" : "kept"));
                    }
                }
            } catch (SQLException e) {
                mismatches.add(label + ": failed on the server: " + e.getMessage());
            } finally {
                c.rollback();
            }
        }
    }
}
