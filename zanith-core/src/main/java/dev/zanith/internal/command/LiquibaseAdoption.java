package dev.zanith.internal.command;

import dev.zanith.api.output.AdoptEntry;
import dev.zanith.api.output.AdoptOutcome;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.sql.SqlResources;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Liquibase's {@code DATABASECHANGELOG}, row by row. A changeset lives inside a changelog file with others, so it
 * is no Zanith migration file: each changeset that ran ({@code EXECUTED}, {@code RERAN}) or was marked as ran
 * ({@code MARK_RAN}) becomes a ledger row of its own, with the id {@code liquibase:<filename>::<id>::<author>}
 * (Liquibase's own identity of a changeset), its time, and the whole row in {@code adopted_from}. Liquibase's
 * {@code MD5SUM} is kept as recorded: it is computed by Liquibase from its parsed changelog, which Zanith does not
 * parse, so the match is by id, author and file name (said so). {@code FAILED} and {@code SKIPPED} rows are
 * reported, never adopted. No migration file maps to a changeset, so every file in the migrations directory stays
 * pending: Zanith's migrations start where Liquibase's ended.
 */
final class LiquibaseAdoption implements Adopt.Reader {

    /** How a Liquibase changeset's ledger id starts. */
    static final String ID_PREFIX = "liquibase:";

    @Override
    public List<Adopt.Row> read(Connection c, String qualifiedTable, Adopt.Files files) throws SQLException {
        String sql = SqlResources.get("adopt/liquibase-history.sql").replace("{history}", qualifiedTable);
        List<Adopt.Row> rows = new ArrayList<>();
        Jdbc.query(c, sql, rs -> {
            Timestamp at = rs.getTimestamp("executed_at");
            rows.add(row(qualifiedTable, rs.getString("id"), rs.getString("author"), rs.getString("filename"),
                    at == null ? null : at.toInstant(), rs.getInt("orderexecuted"), rs.getString("exectype"),
                    rs.getString("md5sum"), rs.getString("description"), rs.getString("comments"),
                    rs.getString("tag"), rs.getString("liquibase")));
            return null;
        });
        return rows;
    }

    private static Adopt.Row row(String table, String id, String author, String filename, Instant at, int order,
                                 String execType, String md5sum, String description, String comments, String tag,
                                 String version) {
        String source = "changeset " + id + "::" + author + " in " + filename;
        String migrationId = ID_PREFIX + filename + "::" + id + "::" + author;
        String type = execType == null ? "" : execType.trim();
        if (!type.equals("EXECUTED") && !type.equals("RERAN") && !type.equals("MARK_RAN")) {
            return new Adopt.Row(new AdoptEntry(source, null, AdoptOutcome.REPORTED, "exectype " + type
                    + " in Liquibase: it did not run, so it is not adopted", at), null, 0, null, null, Map.of());
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("tool", "liquibase");
        record.put("table", table);
        record.put("id", id);
        record.put("author", author);
        record.put("filename", filename);
        record.put("dateExecuted", at == null ? null : at.toString());
        record.put("orderExecuted", order);
        record.put("execType", type);
        record.put("md5sum", md5sum);
        record.put("description", description);
        record.put("comments", comments);
        record.put("tag", tag);
        record.put("liquibaseVersion", version);
        record.put("match", "id_author_filename");
        String how = "by id, author and file name (Liquibase's checksum " + md5sum + " kept as recorded)"
                + (type.equals("MARK_RAN") ? "; marked as ran in Liquibase, not executed by it" : "");
        // The ledger's checksum column holds Liquibase's own checksum: no Zanith file is ever compared with it.
        return new Adopt.Row(new AdoptEntry(source, migrationId, AdoptOutcome.ADOPT, how, at),
                md5sum == null ? "" : md5sum, 0, "liquibase", description, record);
    }
}
