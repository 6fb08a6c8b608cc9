package dev.zanith.internal.command;

import dev.zanith.api.output.AdoptEntry;
import dev.zanith.api.output.AdoptOutcome;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.sql.SqlResources;
import dev.zanith.internal.migration.FlywayChecksum;
import dev.zanith.api.migration.Migration;
import dev.zanith.api.migration.MigrationResource;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flyway's schema history, row by row. The mapping to Zanith: a Zanith migration's id is its file name without
 * extension, so Flyway's {@code V1__init.sql} is the Zanith migration {@code V1__init} — the same file, loaded as a
 * {@code .sql} migration, ordered by {@link dev.zanith.internal.migration.NaturalOrder} exactly as Flyway orders versions
 * ({@code V2} before {@code V10}, {@code V1.1} before {@code V1.10}). A successful versioned SQL row is adopted when
 * the file Flyway recorded ({@code script}) is in the directory and Flyway's checksum recomputed from it
 * ({@link FlywayChecksum}) equals the recorded one; when the row has no checksum, when the file was renamed, or
 * when it is not UTF-8, by version and description instead (said so). Repeatable ({@code R__}), failed, baseline,
 * schema-creation, delete and undo rows and Java migrations are reported, never adopted.
 */
final class FlywayAdoption implements Adopt.Reader {

    /** {@code V<version>__<description>.sql}, Flyway's default naming; the version's parts split by '.' or '_'. */
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(.*)\\.sql", Pattern.CASE_INSENSITIVE);

    @Override
    public List<Adopt.Row> read(Connection c, String qualifiedTable, Adopt.Files files) throws SQLException {
        String sql = SqlResources.get("adopt/flyway-history.sql").replace("{history}", qualifiedTable);
        List<Adopt.Row> rows = new ArrayList<>();
        Jdbc.query(c, sql, rs -> {
            Timestamp at = rs.getTimestamp("installed_at");
            rows.add(row(qualifiedTable, rs.getInt("installed_rank"), rs.getString("version"),
                    rs.getString("description"), rs.getString("type"), rs.getString("script"),
                    (Integer) rs.getObject("checksum", Integer.class), rs.getString("installed_by"),
                    at == null ? null : at.toInstant(), rs.getLong("execution_time"), rs.getBoolean("success"), files));
            return null;
        });
        return rows;
    }

    private static Adopt.Row row(String table, int rank, String version, String description, String type, String script,
                                 Integer checksum, String installedBy, Instant at, long executionMs, boolean success,
                                 Adopt.Files files) {
        String source = (version == null ? "" : "V" + version + " ") + description + " (" + script + ")";
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("tool", "flyway");
        record.put("table", table);
        record.put("installedRank", rank);
        record.put("version", version);
        record.put("description", description);
        record.put("type", type);
        record.put("script", script);
        record.put("checksum", checksum);
        record.put("installedBy", installedBy);
        record.put("installedOn", at == null ? null : at.toString());
        record.put("executionTimeMs", executionMs);
        if (!success) {
            return reported(source, fileFor(script, version, files).map(Migration::id).orElse(null), at,
                    "failed in Flyway (success = false): not adopted; its file, if any, stays pending in Zanith");
        }
        switch (type) {
            case "SQL" -> {
                if (version == null) {
                    return reported(source, fileFor(script, null, files).map(Migration::id).orElse(null), at,
                            "repeatable migration: Zanith has no repeatable migrations, so it is not adopted; a "
                                    + "file of that name in the migrations directory would run once more as an "
                                    + "ordinary migration: move it out, or keep it to run it again");
                }
            }
            case "BASELINE", "SQL_BASELINE" -> {
                return reported(source, null, at, "Flyway baseline at version " + version + ": the files up to it "
                        + "never ran in Flyway; to count them as applied in Zanith too, record a baseline: zanith "
                        + "baseline --id <id of the last of them> --allow-history");
            }
            case "JDBC", "SPRING_JDBC", "SCRIPT", "CUSTOM" -> {
                return reported(source, null, at, "a " + type + " migration (not a SQL file): it ran in Flyway; "
                        + "Zanith has no file for it, so nothing of it is pending");
            }
            default -> {
                return reported(source, null, at, "a Flyway " + type + " row: nothing to adopt");
            }
        }
        Optional<Migration> byScript = Optional.ofNullable(files.byId().get(stem(script)));
        Optional<Migration> file = byScript.or(() -> fileFor(script, version, files));
        if (file.isEmpty()) {
            return problem(source, null, at, "no file " + baseName(script) + " (or another V" + version + "__*.sql) in "
                    + "the migrations directory; point --migrations at the directory Flyway ran it from");
        }
        Migration migration = file.get();
        MigrationResource resource = files.resources().get(migration.id());
        OptionalInt recomputed = migration.format() == Migration.Format.SQL && resource != null
                ? FlywayChecksum.of(resource.content()) : OptionalInt.empty();
        String how;
        if (checksum != null && recomputed.isPresent() && byScript.isPresent()) {
            if (recomputed.getAsInt() != checksum) {
                return problem(source, migration.id(), at, migration.location() + " changed since Flyway ran it: "
                        + "Flyway checksum " + checksum + " recorded, " + recomputed.getAsInt() + " now. Restore the "
                        + "file as it ran (the history must describe what ran), then adopt");
            }
            how = "Flyway checksum " + checksum + " recomputed from " + baseName(migration.location());
            record.put("match", "checksum");
        } else {
            if (!sameDescription(migration.id(), description)) {
                return problem(source, migration.id(), at, migration.location() + " has version " + version
                        + " but not the description '" + description + "'");
            }
            how = "by version " + version + " and description '" + description + "' (" + (checksum == null
                    ? "Flyway recorded no checksum" : byScript.isEmpty() ? "the file was renamed from " + script
                    : "the file is not UTF-8, so Flyway's checksum cannot be recomputed") + ")";
            record.put("match", "version_and_description");
        }
        return new Adopt.Row(new AdoptEntry(source, migration.id(), AdoptOutcome.ADOPT, how, at),
                migration.checksum(), executionMs, installedBy, description, record);
    }

    /** The file with the row's version (and, for a repeatable row, its script's name). */
    private static Optional<Migration> fileFor(String script, String version, Adopt.Files files) {
        Migration byName = files.byId().get(stem(script));
        if (byName != null || version == null) {
            return Optional.ofNullable(byName);
        }
        List<BigInteger> wanted = parts(version);
        return files.byId().values().stream().filter(m -> {
            Matcher v = VERSIONED.matcher(m.id() + ".sql");
            return v.matches() && parts(v.group(1)).equals(wanted);
        }).findFirst();
    }

    private static boolean sameDescription(String id, String description) {
        Matcher v = VERSIONED.matcher(id + ".sql");
        return v.matches() && v.group(2).replace('_', ' ').equals(description);
    }

    /** A version's numeric parts, trailing zeros dropped (Flyway's 1.0 is 1). */
    private static List<BigInteger> parts(String version) {
        List<BigInteger> parts = new ArrayList<>();
        for (String part : version.split("[._]")) {
            parts.add(new BigInteger(part));
        }
        while (parts.size() > 1 && parts.get(parts.size() - 1).signum() == 0) {
            parts.remove(parts.size() - 1);
        }
        return parts;
    }

    private static String baseName(String path) {
        return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    }

    private static String stem(String script) {
        String name = baseName(script);
        return name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
    }

    private static Adopt.Row reported(String source, String id, Instant at, String why) {
        return new Adopt.Row(new AdoptEntry(source, id, AdoptOutcome.REPORTED, why, at), null, 0, null, null, Map.of());
    }

    private static Adopt.Row problem(String source, String id, Instant at, String why) {
        return new Adopt.Row(new AdoptEntry(source, id, AdoptOutcome.PROBLEM, why, at), null, 0, null, null, Map.of());
    }
}
