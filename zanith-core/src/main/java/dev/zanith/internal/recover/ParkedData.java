package dev.zanith.internal.recover;

import dev.zanith.api.output.ParkedChecksum;
import dev.zanith.api.output.Artifact;
import dev.zanith.api.output.ArtifactDefinition;
import dev.zanith.api.output.ArtifactType;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.sql.Identifiers;
import dev.zanith.internal.sql.SqlResources;
import dev.zanith.api.schema.TableName;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows an artifact parks, as one SELECT: what its checksum covers and what {@code recover export} streams.
 * <ul>
 *   <li>soft_drop_column: the primary key (if any) and the parked column, named by its original name, for rows
 *       where it is not NULL (rows written while it was parked hold NULL there and are not parked data);</li>
 *   <li>archive_column: every row of the archive table (primary key + value, NULLs included);</li>
 *   <li>soft_drop_table, archive_table: every row of the parked or archived table.</li>
 * </ul>
 */
final class ParkedData {

    /** Session settings that shape a row's text form, pinned while hashing (and exporting). */
    private static final Map<String, String> TEXT_SETTINGS = new LinkedHashMap<>();

    static {
        TEXT_SETTINGS.put("TimeZone", "UTC");
        TEXT_SETTINGS.put("DateStyle", "ISO, MDY");
        TEXT_SETTINGS.put("IntervalStyle", "postgres");
        TEXT_SETTINGS.put("extra_float_digits", "3");
        TEXT_SETTINGS.put("bytea_output", "hex");
        TEXT_SETTINGS.put("lc_monetary", "C");
    }

    private ParkedData() {
    }

    /** The relation holding the parked rows. */
    static TableName relation(ArtifactDefinition d) {
        return new TableName(d.parkedSchema(), d.parkedTable());
    }

    /** The SELECT of the parked rows of an artifact (not for rebuild_table, which parks no rows). */
    static String select(ArtifactType type, String sourceColumn, ArtifactDefinition d) {
        TableName relation = relation(d);
        return switch (type) {
            case SOFT_DROP_COLUMN -> {
                List<String> columns = new ArrayList<>();
                d.primaryKey().forEach(k -> columns.add(Identifiers.quote(k)));
                columns.add(Identifiers.quote(d.parkedColumn()) + " AS " + Identifiers.quote(sourceColumn));
                yield "SELECT " + String.join(", ", columns) + " FROM " + relation.sql() + " WHERE "
                        + Identifiers.quote(d.parkedColumn()) + " IS NOT NULL";
            }
            case ARCHIVE_COLUMN, SOFT_DROP_TABLE, ARCHIVE_TABLE -> "SELECT * FROM " + relation.sql();
            case REBUILD_TABLE -> throw new IllegalArgumentException("rebuild_table artifacts park no rows");
        };
    }

    /** The checksum of the rows of {@code select}, in the caller's transaction (one pass, constant memory). */
    static ParkedChecksum checksum(Connection c, String select) throws SQLException {
        // reads every parked row, which may take long: no socket timeout (see Jdbc.withoutNetworkTimeout)
        return Jdbc.withoutNetworkTimeout(c, conn -> withPinnedSettings(conn, () -> Jdbc.queryFirst(conn,
                SqlResources.render("recover/checksum.sql", Map.of("source", select)),
                rs -> new ParkedChecksum(rs.getLong("row_count"), rs.getString("hash_sum"), rs.getLong("data_bytes")))
                .orElseThrow()));
    }

    /** Work to run with the text-shaping settings pinned (LOCAL to the caller's transaction), then put back. */
    @FunctionalInterface
    interface PinnedWork<T> {
        T run() throws SQLException;
    }

    static <T> T withPinnedSettings(Connection c, PinnedWork<T> work) throws SQLException {
        if (c.getAutoCommit()) {
            throw new IllegalStateException("parked data is read inside a transaction (settings are pinned LOCAL)");
        }
        Map<String, String> previous = new LinkedHashMap<>();
        for (String name : TEXT_SETTINGS.keySet()) {
            previous.put(name, Jdbc.queryFirst(c, "SELECT current_setting(?)", rs -> rs.getString(1), name).orElse(null));
        }
        set(c, TEXT_SETTINGS);
        try {
            return work.run();
        } finally {
            if (!c.isClosed() && !failed(c)) {
                set(c, previous);
            }
        }
    }

    private static void set(Connection c, Map<String, String> settings) throws SQLException {
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            if (setting.getValue() != null) {
                Jdbc.query(c, "SELECT set_config(?, ?, true)", rs -> null, setting.getKey(), setting.getValue());
            }
        }
    }

    /** Whether the transaction is aborted (a statement failed): nothing more can run until it rolls back. */
    private static boolean failed(Connection c) {
        try {
            Jdbc.query(c, "SELECT 1", rs -> null);
            return false;
        } catch (SQLException e) {
            return true;
        }
    }

    /** "public.users has no column x any more": the checksum's query failed because the schema changed. */
    static ZanithException unreadable(Artifact artifact, SQLException e) {
        return new ZanithException("Cannot read the parked data of artifact " + artifact.id() + " ("
                + artifact.physicalName() + "): " + e.getMessage() + ". It was changed or dropped outside Zanith.");
    }
}
