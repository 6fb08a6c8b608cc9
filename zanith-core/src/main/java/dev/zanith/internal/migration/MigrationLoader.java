package dev.zanith.internal.migration;

import dev.zanith.api.output.AppliedMigration;
import dev.zanith.api.migration.Migration;
import dev.zanith.api.migration.MigrationResource;
import dev.zanith.api.migration.MigrationSource;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.Checksums;
import dev.zanith.internal.sql.SqlScript;
import dev.zanith.api.ops.AddColumn;
import dev.zanith.api.ops.AlterColumnType;
import dev.zanith.api.ops.CreateTable;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.ops.OperationKind;
import dev.zanith.api.ops.RawSql;
import dev.zanith.api.ops.RenderContext;
import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.ops.SqlFields;
import dev.zanith.api.schema.Column;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.MismatchedInputException;
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
        if (AppliedMigration.isRestoreId(stem)) {
            throw new ZanithException(resource.location() + ": a migration id may not start with '"
                    + AppliedMigration.RESTORE_ID_PREFIX + "' (the ledger marks restores that way). Rename the file.");
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
        String refusal = MigrationYaml.refusal(text);
        if (refusal != null) {
            throw new ZanithException(resource.location() + ":" + refusal + ".");
        }
        MigrationYaml.Document document = readYaml(resource, text);
        if (document == null || document.id() == null || document.id().isBlank()) {
            throw new ZanithException(resource.location() + ":" + keyLine(text, "id") + ": missing 'id'. Add 'id: " + stem
                    + "' (the file name without extension) at the top.");
        }
        if (!document.id().equals(stem)) {
            throw new ZanithException(resource.location() + ":" + keyLine(text, "id") + ": id '" + document.id()
                    + "' does not match the file name '"
                    + stem + "'. Rename the file to " + document.id() + ".yaml or set 'id: " + stem + "'.");
        }
        if (document.operations() == null || document.operations().isEmpty()) {
            throw new ZanithException(resource.location() + ":" + keyLine(text, "operations") + ": no operations. Add "
                    + "an 'operations:' list with '- <kind>: {fields}' items, e.g. '- addColumn: {table: public.users, "
                    + "column: {name: last_login, type: timestamp with time zone}}'.");
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
            Optional<String> fieldProblem = SqlFields.firstProblem(operation);
            if (fieldProblem.isPresent()) {
                throw new ZanithException(at(resource, lines, i) + ": " + operation.kind().id() + " "
                        + fieldProblem.get() + ". Write one expression there; SQL that must do more belongs in a "
                        + "rawSql step (reviewed as raw SQL).");
            }
            try {
                // Every identifier goes through Identifiers.quote when the step is rendered.
                operation.render(new RenderContext(document.id(), i + 1, RenderContext.preview().tablePrefix(),
                        RenderContext.DEFAULT_ARCHIVE_SCHEMA));
            } catch (Identifiers.TooLong e) {
                throw new ZanithException(at(resource, lines, i) + ": " + operation.kind().id() + ": " + e.getMessage()
                        + ".");
            } catch (RuntimeException e) {
                throw new ZanithException(at(resource, lines, i) + ": " + operation.kind().id() + " cannot be written "
                        + "as SQL: " + withoutInternals(firstLine(e.getMessage())) + ". Check its fields against "
                        + "docs/MIGRATIONS.md.");
            }
            if (operation instanceof AlterColumnType alter) {
                Optional<String> problem = ColumnTypes.problem(alter.type());
                if (problem.isPresent()) {
                    throw new ZanithException(at(resource, lines, i) + ": alterColumnType: " + problem.get() + ".");
                }
            }
        }
        return new Migration(document.id(), document.description(), document.operations(), checksum,
                resource.location(), Migration.Format.YAML,
                lines.size() == document.operations().size() ? lines : List.of());
    }

    /** The line of the top-level {@code key}, or 1 when the file has none. */
    private static int keyLine(String text, String key) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches(java.util.regex.Pattern.quote(key) + "\\s*:.*")) {
                return i + 1;
            }
        }
        return 1;
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
            if (e.getCause() instanceof MarkedYamlEngineException yaml) {
                // The YAML scanner's own words: the problem and the line it is on (the context is where it began).
                String problem = yaml.getProblem() == null ? "malformed YAML" : firstLine(yaml.getProblem());
                int line = yaml.getProblemMark().map(m -> m.getLine() + 1).orElse(e.getLocation() == null ? 1
                        : e.getLocation().getLineNr());
                throw new ZanithException(resource.location() + ":" + line + ": " + problem
                        + (yaml.getContext() == null ? "" : " (" + firstLine(yaml.getContext()) + ")")
                        + ". See docs/MIGRATIONS.md for the file format.", e);
            }
            String message = describe(e);
            if (message != null && message.startsWith("Duplicate Object property")) {
                throw new ZanithException(location(resource, e) + ": the key " + message.substring(
                        "Duplicate Object property ".length()) + " appears twice in one mapping" + where(e)
                        + ". Write each key once.", e);
            }
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

    /**
     * What went wrong, in the file's terms: never a Java type, a parser token or a second line (the location is
     * added by the caller).
     */
    private static String describe(JacksonException e) {
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
            return firstLine(cause.getMessage());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "expected " + expected(mismatch.getTargetType()) + " here";
        }
        return withoutInternals(firstLine(e.getOriginalMessage()));
    }

    private static String expected(Class<?> type) {
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list ('- item' lines or [a, b])";
        }
        if (type == String.class) {
            return "a single value (text)";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        return "a mapping (key: value lines or {key: value})";
    }

    private static String firstLine(String message) {
        return message == null ? "malformed YAML" : message.lines().findFirst().orElse("malformed YAML").strip();
    }

    /** Parser wording with Java and token names replaced by what they mean in a YAML file. */
    static String withoutInternals(String message) {
        return message.replaceAll("`?(JsonToken\\.)?START_ARRAY`?", "a list")
                .replaceAll("`?(JsonToken\\.)?START_OBJECT`?", "a mapping")
                .replaceAll("`?(JsonToken\\.)?(END_ARRAY|END_OBJECT)`?", "the end of a block")
                .replaceAll("`?(JsonToken\\.)?VALUE_STRING`?", "text")
                .replaceAll("`?(JsonToken\\.)?VALUE_NUMBER_(INT|FLOAT)`?", "a number")
                .replaceAll("`?(JsonToken\\.)?VALUE_(TRUE|FALSE)`?", "true/false")
                .replaceAll("`?(JsonToken\\.)?VALUE_NULL`?", "an empty value")
                .replaceAll("`?(JsonToken\\.)?PROPERTY_NAME`?", "a key")
                .replaceAll("\\(token [^)]*\\)", "")
                .replaceAll("`[^`]*`", "the value")
                .replaceAll("(?:[a-z_][\\w]*\\.)+[A-Z][\\w$]*(<[^>]*>+)?", "the value")
                .replaceAll("[A-Z]\\w*\\$\\w+", "the value")
                .replaceAll("\\s+", " ").strip();
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
