package dev.zanith.internal.command;

import dev.zanith.api.output.MigrationTool;
import dev.zanith.api.output.ForeignHistory;
import dev.zanith.api.output.StartingPoint;
import dev.zanith.internal.config.Settings;
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
public final class StartingPointQuery {

    private final Settings config;

    public StartingPointQuery(Settings config) {
        this.config = config;
    }

    public StartingPoint read() {
        AuditTables tables = config.auditTables();
        MigrationHistory history = new MigrationHistory(tables);
        try (Connection c = config.connectionSource().open()) {
            c.setAutoCommit(true);
            boolean zanith = history.exists(c) && Jdbc.queryFirst(c, tables.sql("history-present.sql"),
                    rs -> rs.getBoolean(1)).orElse(false);
            String url = dev.zanith.internal.jdbc.JdbcUrls.withoutPassword(c.getMetaData().getURL());
            if (zanith) {
                // Zanith manages the target: what else it holds no longer decides anything (one query per start)
                return new StartingPoint(true, List.of(), List.of(), url);
            }
            List<String> userTables = Jdbc.query(c, SqlResources.get("adopt/user-tables.sql"),
                    rs -> rs.getString("schema_name") + "." + rs.getString("table_name"),
                    Jdbc.textArray(c, config.schemas()), config.auditSchema(), config.tablePrefix());
            List<ForeignHistory> foreign = Jdbc.query(c, SqlResources.get("adopt/foreign-histories.sql"),
                    rs -> new ForeignHistory(MigrationTool.valueOf(rs.getString("tool").toUpperCase(java.util.Locale.ROOT)),
                            rs.getString("schema_name"), rs.getString("table_name")));
            List<String> histories = foreign.stream().map(ForeignHistory::qualifiedName).toList();
            return new StartingPoint(false, userTables.stream().filter(t -> !histories.contains(t)).toList(), foreign, url);
        } catch (SQLException e) {
            throw new ZanithException("Reading the starting point of " + config.connectionSource().describeTarget()
                    + " failed: " + e.getMessage(), e);
        }
    }
}
