package dev.zanith.migration;

import dev.zanith.ZanithException;
import dev.zanith.internal.Checksums;
import dev.zanith.internal.sql.SqlScript;
import dev.zanith.ops.AddColumn;
import dev.zanith.ops.AlterColumnType;
import dev.zanith.ops.CreateTable;
import dev.zanith.ops.Operation;
import dev.zanith.ops.OperationKind;
import dev.zanith.ops.RawSql;
import dev.zanith.schema.Column;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Loads migration files, ordered by id, and rejects a malformed one before anything runs: bad YAML, an
 * unknown operation, a missing field, an unknown column type, a duplicate id — each with file, line and fix.
 */
public final class MigrationLoader {

    private MigrationLoader() {
    }

    /** Every migration from {@code source}, ordered by id (digits compared as numbers). */
    public static List<Migration> load(MigrationSource source) {
        return new LoadedMigrations(source).load();
    }

    /** The refusal of a second file with an id already used by {@code previousLocation}. */
    static ZanithException duplicateId(MigrationResource resource, Migration migration, String previousLocation) {
        return new ZanithException(resource.location() + ": duplicate migration id '" + migration.id()
                + "', also used by " + previousLocation + ". Give one of them a new id (and file name).");
    }

    /** Parses one migration file. */
    public static Migration parse(MigrationResource resource) {
        String name = resource.fileName();
        String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        if (MigrationNames.isRestoreId(stem)) {
            throw new ZanithException(resource.location() + ": a migration id may not start with '"
                    + MigrationNames.RESTORE_ID_PREFIX + "' (the ledger marks restores that way). Rename the file.");
        }
        String checksum = Checksums.sha256Hex(resource.content());
        if (name.toLowerCase(Locale.ROOT).endsWith(".sql")) {
            String sql = SqlScript.decode(resource.content(), resource.location());
            if (sql.isBlank()) {
                throw new ZanithException(resource.location() + ": the SQL migration is empty. Add statements or "
                        + "delete the file.");
            }
            RawSql raw = new RawSql(sql, null);
            raw.script().problem().ifPresent(p -> {
                throw new ZanithException(resource.location() + ":" + p.line() + ": " + p.message());
            });
            return new Migration(stem, null, List.of(raw), checksum, resource.location(), Migration.Format.SQL);
        }
        String text = new String(resource.content(), StandardCharsets.UTF_8);
        MigrationYaml.Document document = readYaml(resource, text);
        if (document == null || document.id() == null || document.id().isBlank()) {
            throw new ZanithException(resource.location() + ": missing 'id'. Add 'id: " + stem
                    + "' (the file name without extension) at the top.");
        }
        if (!document.id().equals(stem)) {
            throw new ZanithException(resource.location() + ": id '" + document.id() + "' does not match the file name '"
                    + stem + "'. Rename the file to " + document.id() + ".yaml or set 'id: " + stem + "'.");
        }
        if (document.operations() == null || document.operations().isEmpty()) {
            throw new ZanithException(resource.location() + ": no operations. Add an 'operations:' list, e.g.\n"
                    + "operations:\n  - addColumn:\n      table: public.users\n      column: {name: last_login, type: timestamp with time zone}");
        }
        List<Integer> lines = MigrationYaml.operationLines(text);
        for (int i = 0; i < document.operations().size(); i++) {
            Operation operation = document.operations().get(i);
            if (operation == null) {
                throw new ZanithException(at(resource, lines, i) + ": empty operation. Write it as '- <kind>: {fields}'.");
            }
            for (Column column : columns(operation)) {
                Optional<String> problem = ColumnTypes.problem(column.type());
                if (problem.isPresent()) {
                    throw new ZanithException(at(resource, lines, i) + ": " + operation.kind() + " column "
                            + column.name() + ": " + problem.get() + ".");
                }
            }
            if (operation instanceof RawSql raw) {
                int step = i;
                raw.script().problem().ifPresent(p -> {
                    throw new ZanithException(at(resource, lines, step) + ": rawSql line " + p.line() + " of its sql: "
                            + p.message());
                });
            }
            if (operation instanceof AlterColumnType alter) {
                Optional<String> problem = ColumnTypes.problem(alter.type());
                if (problem.isPresent()) {
                    throw new ZanithException(at(resource, lines, i) + ": alterColumnType: " + problem.get() + ".");
                }
            }
        }
        return new Migration(document.id(), document.description(), document.operations(), checksum,
                resource.location(), Migration.Format.YAML);
    }

    private static MigrationYaml.Document readYaml(MigrationResource resource, String text) {
        try {
            checkOperationFields(resource, MigrationYaml.MAPPER.readTree(text), MigrationYaml.operationLines(text));
            return MigrationYaml.MAPPER.readValue(text, MigrationYaml.Document.class);
        } catch (InvalidTypeIdException e) {
            String kind = e.getTypeId();
            String suggestion = Arrays.stream(OperationKind.values()).map(OperationKind::id)
                    .filter(id -> kind != null && (id.equalsIgnoreCase(kind) || closeTo(id, kind))).findFirst()
                    .map(id -> " Did you mean '" + id + "'?").orElse("");
            throw new ZanithException(location(resource, e) + ": unknown operation '" + kind + "'." + suggestion
                    + " Known operations: " + Arrays.stream(OperationKind.values()).map(OperationKind::id)
                    .collect(Collectors.joining(", ")) + ".", e);
        } catch (UnrecognizedPropertyException e) {
            throw new ZanithException(location(resource, e) + ": unknown field '" + e.getPropertyName() + "'"
                    + where(e) + ". Known fields: " + e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", ")) + ".", e);
        } catch (JacksonException e) {
            Throwable cause = e.getCause();
            String message = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
            throw new ZanithException(location(resource, e) + ": " + message + where(e)
                    + ". See docs/MIGRATIONS.md for the file format.", e);
        }
    }

    /** Names a misspelled field of an operation before binding (binding would only say what is missing). */
    private static void checkOperationFields(MigrationResource resource, JsonNode root, List<Integer> lines) {
        JsonNode operations = root == null ? null : root.get("operations");
        if (operations == null || !operations.isArray()) {
            return;
        }
        for (int i = 0; i < operations.size(); i++) {
            JsonNode operation = operations.get(i);
            if (operation == null || !operation.isObject() || operation.size() != 1) {
                continue;
            }
            String kind = operation.propertyNames().iterator().next();
            Optional<OperationKind> known = OperationKind.byId(kind);
            JsonNode fields = operation.get(kind);
            if (known.isEmpty() || fields == null || !fields.isObject()) {
                continue;
            }
            List<String> allowed = Arrays.stream(known.get().type().getRecordComponents())
                    .map(RecordComponent::getName).sorted().toList();
            for (String field : fields.propertyNames()) {
                if (!allowed.contains(field)) {
                    throw new ZanithException(at(resource, lines, i) + ": " + kind + " has no field '" + field
                            + "'. Known fields: " + String.join(", ", allowed) + ".");
                }
            }
        }
    }

    private static String where(JacksonException e) {
        String path = e.getPath().stream().map(ref -> ref.getPropertyName() != null ? ref.getPropertyName()
                : "[" + ref.getIndex() + "]").collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? "" : " (at " + path + ")";
    }

    private static String location(MigrationResource resource, JacksonException e) {
        return e.getLocation() != null && e.getLocation().getLineNr() > 0
                ? resource.location() + ":" + e.getLocation().getLineNr() : resource.location();
    }

    private static String at(MigrationResource resource, List<Integer> lines, int index) {
        return resource.location() + (index < lines.size() ? ":" + lines.get(index) : "") + " (operation " + (index + 1) + ")";
    }

    private static List<Column> columns(Operation operation) {
        if (operation instanceof AddColumn add) {
            return List.of(add.column());
        }
        if (operation instanceof CreateTable create) {
            return create.table().columns();
        }
        return List.of();
    }

    private static boolean closeTo(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        return x.startsWith(y) || y.startsWith(x) || (Math.abs(x.length() - y.length()) <= 2 && commonPrefix(x, y) >= 4);
    }

    private static int commonPrefix(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

}
