package dev.zanith.internal.audit;

import dev.zanith.internal.sql.Identifiers;
import dev.zanith.internal.sql.SqlResources;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names of Zanith's audit tables in a configured schema with a configured prefix, and the SQL resources with
 * those names filled in (identifiers are quoted; they cannot be bound parameters). Readers know five relations:
 * the ledger, the steps, the snapshots (a view over the snapshot rows and parts), the artifacts and the checkpoints.
 */
public final class AuditTables {

    private final String schema;
    private final String prefix;
    private final Map<String, String> names = new LinkedHashMap<>();

    public AuditTables(String schema, String prefix) {
        this.schema = schema;
        this.prefix = prefix;
        names.put("schema", Identifiers.quote(schema));
        for (String table : new String[]{"migrations", "steps", "snapshots", "snapshot_rows", "snapshot_parts", "artifacts",
                "checkpoints"}) {
            names.put(table, Identifiers.qualify(schema, tableName(table)));
        }
        // ALTER TABLE ... RENAME TO takes the bare name
        names.put("snapshot_rows_name", Identifiers.quote(tableName("snapshot_rows")));
        for (String index : new String[]{"migrations_time_index", "migrations_baseline_index", "steps_failed_index", "steps_kind_index", "snapshots_time_index",
                "artifacts_source_index", "artifacts_live_index"}) {
            names.put(index, Identifiers.quote(prefix + index.replace("_index", "_idx")));
        }
    }

    public String schema() {
        return schema;
    }

    public String prefix() {
        return prefix;
    }

    /** The unquoted table name: {@code _zanith_migrations}, {@code _zanith_migration_steps}, ... */
    public String tableName(String table) {
        return switch (table) {
            case "migrations" -> prefix + "migrations";
            case "steps" -> prefix + "migration_steps";
            case "snapshots" -> prefix + "schema_snapshots";
            case "snapshot_rows" -> prefix + "schema_snapshot_rows";
            case "snapshot_parts" -> prefix + "schema_snapshot_parts";
            case "artifacts" -> prefix + "migration_artifacts";
            case "checkpoints" -> prefix + "migration_checkpoints";
            default -> throw new IllegalArgumentException(table);
        };
    }

    /** The quoted, schema-qualified name of an audit relation ({@code "migrations"}, {@code "snapshots"}, ...). */
    public String qualified(String table) {
        String name = names.get(table);
        if (name == null) {
            throw new IllegalArgumentException(table);
        }
        return name;
    }

    /** A SQL resource under {@code audit/} with the table names filled in. */
    public String sql(String resource) {
        String sql = SqlResources.get("audit/" + resource);
        for (Map.Entry<String, String> name : names.entrySet()) {
            sql = sql.replace("{" + name.getKey() + "}", name.getValue());
        }
        return sql;
    }

    /** A key for advisory locks that serialize work on this target (schema + prefix). */
    public long lockKey(String purpose) {
        return fnv64("zanith:" + purpose + ":" + schema + ":" + prefix);
    }

    private static long fnv64(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            hash ^= b;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
