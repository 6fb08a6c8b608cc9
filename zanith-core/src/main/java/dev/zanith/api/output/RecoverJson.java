package dev.zanith.api.output;

import dev.zanith.api.schema.Column;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON shape of artifacts and recovery results, as plain maps and lists (key order fixed, nulls kept), so
 * {@code zanith recover --format json} and {@code /actuator/zanith/artifacts} answer alike.
 */
public final class RecoverJson {

    private RecoverJson() {
    }

    /** One artifact's row. */
    public static Map<String, @Nullable Object> artifact(Artifact a) {
        return object("id", a.id(), "type", a.type().id(), "status", a.status().value(),
                "migrationId", a.migrationId(), "stepIndex", a.stepIndex(), "sourceSchema", a.source().schema(),
                "sourceTable", a.source().name(), "sourceColumn", a.sourceColumn(), "physicalName", a.physicalName(),
                "rowCount", a.rowCount(), "sizeBytes", a.sizeBytes(), "checksum", a.checksum(),
                "createdAt", text(a.createdAt()), "expiresAt", text(a.expiresAt()),
                "statusChangedAt", text(a.statusChangedAt()), "restoredBy", a.restoredBy(), "restoreId", a.restoreId());
    }

    /** One artifact in detail: its row, whether its data is there, what restore would do, and its definition. */
    public static Map<String, @Nullable Object> inspection(Inspection inspection) {
        Artifact a = inspection.artifact();
        Map<String, @Nullable Object> json = artifact(a);
        json.put("dataPresent", inspection.dataPresent());
        json.put("restore", inspection.restore());
        json.put("currentChecksum", inspection.currentChecksum() == null ? null : inspection.currentChecksum().value());
        json.put("currentRowCount", inspection.currentChecksum() == null ? null : inspection.currentChecksum().rows());
        json.put("checksumMatches", inspection.checksumMatches());
        json.put("definition", definition(a.definition()));
        json.put("recoverySql", a.recoverySql());
        return json;
    }

    /** What a restore did. */
    public static Map<String, @Nullable Object> restore(RestoreResult r) {
        return object("artifactId", r.artifactId(), "type", r.type() == null ? null : r.type().id(),
                "source", r.source(), "restored", r.restored(), "restoreId", r.restoreId(),
                "restoredRows", r.restoredRows(), "rowsWithoutValue", r.rowsWithoutValue(),
                "filledWithDefault", r.filledWithDefault(), "orphanedValues", r.orphanedValues(),
                "warnings", r.warnings(), "statements", r.statements(), "durationMs", r.durationMs());
    }

    /** What a purge did. */
    public static Map<String, @Nullable Object> purge(PurgeResult p) {
        return object("artifactId", p.artifactId(), "type", p.type() == null ? null : p.type().id(),
                "source", p.source(), "found", p.found(), "statements", p.statements());
    }

    /** What a cleanup purged, or with a dry run would purge. */
    public static Map<String, @Nullable Object> cleanup(CleanupResult result) {
        return object("dryRun", result.dryRun(), "due", result.due().stream().map(Artifact::id).toList(),
                "purged", result.purged().stream().map(PurgeResult::artifactId).toList(), "failed", result.failed());
    }

    private static Map<String, @Nullable Object> definition(ArtifactDefinition d) {
        List<Object> dependents = d.dependents().stream().<Object>map(dep -> object("kind", dep.kind(),
                "table", dep.table(), "name", dep.name(), "sql", dep.sql(), "origin", dep.origin())).toList();
        List<Object> renamed = d.renamed().stream().<Object>map(r -> object("kind", r.kind(), "schema", r.schema(),
                "original", r.original(), "parked", r.parked())).toList();
        return object("parkedSchema", d.parkedSchema(), "parkedTable", d.parkedTable(),
                "parkedColumn", d.parkedColumn(), "column", d.column() == null ? null : describe(d.column()),
                "tableColumns", d.table() == null ? null : d.table().columns().stream().map(RecoverJson::describe).toList(),
                "primaryKey", d.primaryKey(), "dependents", dependents, "renamed", renamed, "notes", d.notes());
    }

    /** "email text NOT NULL DEFAULT ''::text". */
    public static String describe(Column c) {
        return c.name() + " " + c.type() + (c.collation() != null ? " COLLATE " + c.collation() : "")
                + (c.notNull() ? " NOT NULL" : "") + (c.defaultExpression() != null ? " DEFAULT " + c.defaultExpression() : "")
                + (c.identity() != null ? " GENERATED " + c.identity().generation().sql() + " AS IDENTITY" : "")
                + (c.generated() != null ? " GENERATED ALWAYS AS (" + c.generated().expression() + ")" : "");
    }

    private static @Nullable String text(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Map<String, @Nullable Object> object(@Nullable Object... keysAndValues) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
