package dev.zanith.internal.jdbc;

import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.QueryExecutor;

import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Zanith's own connections keep their server-prepared statements across a migration's DDL: the refresh after every
 * migration runs the same catalog queries, and parsing and planning them again each time was a fifth of the
 * server's work in an apply of many small migrations (pgjdbc 42.7.13+ flushes on CREATE/ALTER/DROP by default).
 */
@RealPostgres
class PreparedStatementsAcrossDdlTest {

    private static final String CATALOG_QUERY = "SELECT c.relname FROM pg_catalog.pg_class c WHERE c.oid::bigint = ANY (?)";

    @Test
    void aZanithConnectionKeepsItsPreparedStatementsWhenAMigrationRunsDdl(TestDatabase db) throws Exception {
        try (Connection c = ConnectionSource.of(db.jdbcUrl(), null, null).open()) {
            List<String> before = preparedAfterRepeatedUse(c);
            assertThat(before).as("the driver prepared the catalog query on the server").hasSize(1);
            Jdbc.executeStatement(c, "CREATE TABLE t (id bigint PRIMARY KEY)", null);
            Jdbc.executeStatement(c, "ALTER TABLE t ADD COLUMN note text", null);
            Jdbc.executeStatement(c, "DROP TABLE t", null);
            assertThat(preparedAfterRepeatedUse(c)).as("the same server-side statement, not parsed again")
                    .isEqualTo(before);
        }
    }

    @Test
    void aTableWhoseColumnsChangeIsStillReadRightThroughAKeptStatement(TestDatabase db) throws Exception {
        try (Connection c = ConnectionSource.of(db.jdbcUrl(), null, null).open()) {
            Jdbc.executeStatement(c, "CREATE TABLE items (id bigint PRIMARY KEY, qty int)", null);
            Jdbc.executeStatement(c, "INSERT INTO items VALUES (1, 5)", null);
            String count = "SELECT count(*) FROM items WHERE qty > ?";
            for (int i = 0; i < 6; i++) {
                assertThat(Jdbc.queryFirst(c, count, rs -> rs.getLong(1), 1).orElseThrow()).isEqualTo(1L);
            }
            // the plan reads a column whose type changes: the server re-plans it, the result type stays a count
            Jdbc.executeStatement(c, "ALTER TABLE items ALTER COLUMN qty TYPE numeric", null);
            Jdbc.executeStatement(c, "INSERT INTO items VALUES (2, 7.5)", null);
            assertThat(Jdbc.queryFirst(c, count, rs -> rs.getLong(1), 1).orElseThrow()).isEqualTo(2L);
        }
    }

    @Test
    void aPooledConnectionKeepsThemDuringAnApplyAndTheApplicationReadsChangedRowsRightAfter(TestDatabase db)
            throws Exception {
        try (Connection c = ConnectionSource.of(db.dataSource()).open()) {
            QueryExecutor executor = c.unwrap(BaseConnection.class).getQueryExecutor();
            assertThat(executor.isFlushCacheOnDdl()).as("pgjdbc's default on an application's connection").isTrue();
            Jdbc.executeStatement(c, "CREATE TABLE items (id bigint PRIMARY KEY, qty int)", null);
            Jdbc.executeStatement(c, "INSERT INTO items VALUES (1, 5)", null);
            String application = "SELECT * FROM items WHERE id = ?";
            for (int i = 0; i < 6; i++) {
                assertThat(Jdbc.query(c, application, rs -> rs.getMetaData().getColumnCount(), 1L)).containsExactly(2);
            }
            try (PreparedStatementsAcrossDdl kept = PreparedStatementsAcrossDdl.keep(c)) {
                assertThat(kept.kept()).isTrue();
                List<String> before = preparedAfterRepeatedUse(c);
                assertThat(before).hasSize(1);
                Jdbc.executeStatement(c, "ALTER TABLE items ADD COLUMN note text DEFAULT 'n'", null);
                assertThat(preparedAfterRepeatedUse(c)).as("kept while Zanith works").isEqualTo(before);
            }
            assertThat(executor.isFlushCacheOnDdl()).as("the application's setting again").isTrue();
            assertThat(Jdbc.queryFirst(c, "SELECT count(*) FROM pg_catalog.pg_prepared_statements", rs -> rs.getLong(1))
                    .orElseThrow()).as("all forgotten once, at the end").isLessThanOrEqualTo(1L);
            // The application's statement prepared before the apply reads the new row type, in a transaction too
            // (where pgjdbc could not re-prepare and retry after "cached plan must not change result type").
            c.setAutoCommit(false);
            assertThat(Jdbc.query(c, application, rs -> rs.getString("note"), 1L)).containsExactly("n");
            c.commit();
        }
    }

    @Test
    void aConnectionWhoseFlushIsAlreadyOffIsLeftAsItIs(TestDatabase db) throws Exception {
        try (Connection c = ConnectionSource.of(db.jdbcUrl(), null, null).open();
             PreparedStatementsAcrossDdl kept = PreparedStatementsAcrossDdl.keep(c)) {
            assertThat(kept.kept()).isFalse();
            assertThat(c.unwrap(BaseConnection.class).getQueryExecutor().isFlushCacheOnDdl()).isFalse();
        }
    }

    /** Runs the catalog query past pgjdbc's prepare threshold; the names of its server-side statements. */
    private static List<String> preparedAfterRepeatedUse(Connection c) throws Exception {
        for (int i = 0; i < 6; i++) {
            Jdbc.query(c, CATALOG_QUERY, rs -> rs.getString(1), (Object) new Long[] {1259L});
        }
        return Jdbc.query(c, "SELECT name FROM pg_catalog.pg_prepared_statements WHERE statement = ?",
                rs -> rs.getString(1), CATALOG_QUERY.replace("?", "$1"));
    }
}
