package dev.zanith.internal.command;

import dev.zanith.ZanithConfig;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.audit.AuditTables;
import dev.zanith.internal.audit.MigrationHistory;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.sql.SqlResources;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Where a target starts from before Zanith manages it, read-only: whether Zanith history exists, and only when it
 * does not, which tables hold application data in the target schemas and which other migration tools' history
 * tables are in the database. The Spring starter refuses to run migrations over a database that is not empty but has no Zanith
 * history (unless {@code zanith.baseline-on-migrate}), and over one another tool manages (naming the
 * {@code zanith adopt} command).
 */
public final class StartingPoint {

    /** Another migration tool's history table, recognised by its columns. */
    public record ForeignHistory(Tool tool, String schema, String table) {

        /** {@code schema.table}, as written (unquoted). */
        public String qualifiedName() {
            return schema + "." + table;
        }
    }

    /** The migration tools whose history {@code zanith adopt} takes over. */
    public enum Tool {
        FLYWAY("flyway", "flyway_schema_history"),
        LIQUIBASE("liquibase", "databasechangelog");

        private final String id;
        private final String defaultTable;

        Tool(String id, String defaultTable) {
            this.id = id;
            this.defaultTable = defaultTable;
        }

        /** {@code flyway} or {@code liquibase}, as in {@code zanith adopt flyway}. */
        public String id() {
            return id;
        }

        /** The history table's name when the tool is not configured otherwise. */
        public String defaultTable() {
            return defaultTable;
        }
    }

    /**
     * @param zanithHistory     whether Zanith's ledger holds a row, or a migration started (step rows)
     * @param userTables        {@code schema.table} of every table holding application data in the target schemas
     *                          (extension-owned tables, Zanith's audit tables and other tools' history tables left out),
     *                          sorted; not read (empty) when {@code zanithHistory}
     * @param foreignHistories  other tools' history tables anywhere in the database, sorted; not read (empty) when
     *                          {@code zanithHistory}
     * @param url               the JDBC URL of the connection without its password (for the commands a message names)
     */
    public record Report(boolean zanithHistory, List<String> userTables, List<ForeignHistory> foreignHistories,
                         String url) {

        public Report {
            userTables = List.copyOf(userTables);
            foreignHistories = List.copyOf(foreignHistories);
        }

        /** Whether the target holds application tables but no Zanith history: it needs a baseline (or adopt). */
        public boolean needsBaseline() {
            return !zanithHistory && !userTables.isEmpty();
        }
    }

    private final ZanithConfig config;

    public StartingPoint(ZanithConfig config) {
        this.config = config;
    }

    public Report read() {
        AuditTables tables = config.auditTables();
        MigrationHistory history = new MigrationHistory(tables);
        try (Connection c = config.connectionSource().open()) {
            c.setAutoCommit(true);
            boolean zanith = history.exists(c) && Jdbc.queryFirst(c, tables.sql("history-present.sql"),
                    rs -> rs.getBoolean(1)).orElse(false);
            String url = dev.zanith.internal.jdbc.JdbcUrls.withoutPassword(c.getMetaData().getURL());
            if (zanith) {
                // Zanith manages the target: what else it holds no longer decides anything (one query per start)
                return new Report(true, List.of(), List.of(), url);
            }
            List<String> userTables = Jdbc.query(c, SqlResources.get("adopt/user-tables.sql"),
                    rs -> rs.getString("schema_name") + "." + rs.getString("table_name"),
                    Jdbc.textArray(c, config.schemas()), config.auditSchema(), config.tablePrefix());
            List<ForeignHistory> foreign = Jdbc.query(c, SqlResources.get("adopt/foreign-histories.sql"),
                    rs -> new ForeignHistory(Tool.valueOf(rs.getString("tool").toUpperCase(java.util.Locale.ROOT)),
                            rs.getString("schema_name"), rs.getString("table_name")));
            List<String> histories = foreign.stream().map(ForeignHistory::qualifiedName).toList();
            return new Report(false, userTables.stream().filter(t -> !histories.contains(t)).toList(), foreign, url);
        } catch (SQLException e) {
            throw new ZanithException("Reading the starting point of " + config.connectionSource().describeTarget()
                    + " failed: " + e.getMessage(), e);
        }
    }
}
