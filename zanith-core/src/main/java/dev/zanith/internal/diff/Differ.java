package dev.zanith.internal.diff;

import dev.zanith.api.DiffOptions;
import dev.zanith.api.DropStrategy;
import dev.zanith.api.RenameHint;
import dev.zanith.api.output.DiffResult;
import dev.zanith.api.output.RenameSuspect;
import dev.zanith.api.exception.ZanithConfigException;
import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.ops.AddCheckConstraint;
import dev.zanith.api.ops.AddColumn;
import dev.zanith.api.ops.AddEnumValue;
import dev.zanith.api.ops.AddForeignKey;
import dev.zanith.api.ops.AddIndex;
import dev.zanith.api.ops.AddPartitionedIndex;
import dev.zanith.api.ops.AddPrimaryKey;
import dev.zanith.api.ops.AddUniqueConstraint;
import dev.zanith.api.ops.AlterColumnType;
import dev.zanith.api.ops.AlterSequence;
import dev.zanith.api.ops.ArchiveColumn;
import dev.zanith.api.ops.ArchiveTable;
import dev.zanith.api.ops.CreateEnum;
import dev.zanith.api.ops.CreateExtension;
import dev.zanith.api.ops.CreatePolicy;
import dev.zanith.api.ops.CreateSchema;
import dev.zanith.api.ops.CreateSequence;
import dev.zanith.api.ops.CreateTable;
import dev.zanith.api.ops.DisableRls;
import dev.zanith.api.ops.DropCheckConstraint;
import dev.zanith.api.ops.DropColumn;
import dev.zanith.api.ops.DropDefault;
import dev.zanith.api.ops.DropEnum;
import dev.zanith.api.ops.DropExtension;
import dev.zanith.api.ops.DropForeignKey;
import dev.zanith.api.ops.DropIdentity;
import dev.zanith.api.ops.DropIndex;
import dev.zanith.api.ops.DropNotNull;
import dev.zanith.api.ops.DropPolicy;
import dev.zanith.api.ops.DropPrimaryKey;
import dev.zanith.api.ops.DropSchema;
import dev.zanith.api.ops.DropSequence;
import dev.zanith.api.ops.DropTable;
import dev.zanith.api.ops.DropUniqueConstraint;
import dev.zanith.api.ops.EnableRls;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.ops.RenameColumn;
import dev.zanith.api.ops.RenameConstraint;
import dev.zanith.api.ops.RenameEnum;
import dev.zanith.api.ops.RenameIndex;
import dev.zanith.api.ops.RenameSequence;
import dev.zanith.api.ops.RenameTable;
import dev.zanith.api.ops.RenderContext;
import dev.zanith.api.ops.SchemaEffect;
import dev.zanith.api.ops.SetComment;
import dev.zanith.api.ops.SetDefault;
import dev.zanith.api.ops.SetIdentity;
import dev.zanith.api.ops.SetNotNull;
import dev.zanith.api.ops.SoftDropColumn;
import dev.zanith.api.ops.SoftDropTable;
import dev.zanith.api.ops.ValidateConstraint;
import dev.zanith.api.schema.CheckConstraint;
import dev.zanith.api.schema.Column;
import dev.zanith.api.schema.EnumType;
import dev.zanith.api.schema.Extension;
import dev.zanith.api.schema.ForeignKey;
import dev.zanith.api.schema.Index;
import dev.zanith.api.schema.Policy;
import dev.zanith.api.schema.PrimaryKey;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.Sequence;
import dev.zanith.api.schema.SequenceOptions;
import dev.zanith.api.schema.Table;
import dev.zanith.api.schema.TableName;
import dev.zanith.api.schema.UniqueConstraint;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Compares two schema graphs and returns the typed operations that turn the first into the second:
 * deterministic, ordered so that every operation finds what it needs (schemas and extensions, then view drops,
 * types, renames, dependent drops, new tables, column changes, constraints and indexes, foreign keys, row level
 * security, drops, views created or replaced (see {@link ViewDiff}), and finally event triggers), and online-safe where the table already exists (indexes built concurrently,
 * checks and foreign keys added NOT VALID then validated, NOT NULL proven by a validated check, unique
 * constraints adopted from a concurrently built index). Diffing a graph with itself yields nothing.
 */
public final class Differ {

    private final DiffOptions options;
    private final List<Operation> setup = new ArrayList<>();
    private final List<Operation> types = new ArrayList<>();
    private final List<Operation> renames = new ArrayList<>();
    private final List<Operation> dependentDrops = new ArrayList<>();
    private final List<Operation> creates = new ArrayList<>();
    private final List<Operation> columnChanges = new ArrayList<>();
    private final List<Operation> constraints = new ArrayList<>();
    private final List<Operation> relations = new ArrayList<>();
    private final List<Operation> security = new ArrayList<>();
    private final List<Operation> columnDrops = new ArrayList<>();
    private final List<Operation> tableDrops = new ArrayList<>();
    private final List<Operation> lateDrops = new ArrayList<>();
    private final List<Operation> schemaDrops = new ArrayList<>();
    /**
     * Event triggers created, then the comments on them, after every other step (views included), so none fires on
     * the plan's own DDL. The comments may follow them: the server fires no event trigger on a command about an event
     * trigger ({@code COMMENT ON EVENT TRIGGER} included; observed on 15 and 18), so a comment reaches no user's trigger.
     */
    private final List<Operation> eventTriggers = new ArrayList<>();
    private final List<RenameSuspect> suspects = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> kept = new ArrayList<>();

    private SchemaGraph working;
    private SchemaGraph target;
    /** Sequences a new column's {@code serial} type creates by itself. */
    private final Set<TableName> implicitSequences = new HashSet<>();
    /** Partition operations, merged into the phases at the end. */
    private final PartitionDiff.Phases partitionOps = new PartitionDiff.Phases();
    /** Live tables the declared schema shows as partitions: attached, not dropped. */
    private Set<TableName> attachedTables = Set.of();

    private Differ(DiffOptions options) {
        this.options = options;
    }

    /** The operations that turn {@code from} into {@code to}. */
    public static DiffResult diff(SchemaGraph from, SchemaGraph to, DiffOptions options) {
        return new Differ(options).run(from, to);
    }

    /** The operations that turn {@code from} into {@code to} with the default options. */
    public static DiffResult diff(SchemaGraph from, SchemaGraph to) {
        return diff(from, to, DiffOptions.defaults());
    }

    private DiffResult run(SchemaGraph from, SchemaGraph to) {
        ViewDiff.Result views = ViewDiff.diff(from, to);
        working = from;
        target = to;
        for (RenameHint hint : options.renames()) {
            applyHint(hint);
        }
        matchRenamedSequences();
        diffSchemas();
        diffExtensions();
        diffEnums();
        findImplicitSequences();
        diffSequences();
        RoutineDiff routineDiff = new RoutineDiff(types, dependentDrops, security, lateDrops, warnings);
        working = routineDiff.routines(working, target);
        diffTables();
        protectForeignKeys();
        diffTypes();
        routineDiff.triggers(working, target);
        routineDiff.eventTriggers(working, target, setup, eventTriggers);
        creates.addAll(partitionOps.creates);
        dependentDrops.addAll(partitionOps.detaches);
        relations.addAll(partitionOps.attaches);
        tableDrops.addAll(partitionOps.drops);
        warnings.addAll(partitionOps.warnings);
        List<Operation> planned = new ArrayList<>();
        for (List<Operation> phase : List.of(setup, types, dependentDrops, columnChanges, constraints, columnDrops, tableDrops,
                lateDrops)) {
            planned.addAll(phase);
        }
        List<Operation> attachments = AttachmentDiff.grantsAndComments(working, target, planned);
        security.addAll(attachments.stream().filter(op -> !AttachmentDiff.onEventTrigger(op)).toList());
        eventTriggers.addAll(attachments.stream().filter(AttachmentDiff::onEventTrigger).toList());
        List<Operation> all = new ArrayList<>();
        for (List<Operation> phase : List.of(setup, views.before(), types, renames, dependentDrops, creates, columnChanges,
                constraints, relations, security, columnDrops, tableDrops, lateDrops, schemaDrops, views.after(),
                eventTriggers)) {
            all.addAll(phase);
        }
        return new DiffResult(all, suspects, warnings, kept);
    }

    /** Domains, composite and range types, exclusion constraints and extended statistics: {@link TypeDiff}. */
    private void diffTypes() {
        TypeDiff.Result result = TypeDiff.diff(working, target, typesOfKeptData());
        types.addAll(result.types());
        dependentDrops.addAll(result.dependentDrops());
        constraints.addAll(result.constraints());
        tableDrops.addAll(result.drops());
        warnings.addAll(result.warnings());
        kept.addAll(result.kept());
    }

    // ---------------------------------------------------------------- rename hints

    private void applyHint(RenameHint hint) {
        List<String> from = hint.from();
        List<String> to = hint.to();
        if (from.size() == 3) {
            renameColumn(hint, new TableName(from.get(0), from.get(1)), from.get(2), new TableName(to.get(0), to.get(1)), to.get(2));
            return;
        }
        if (from.size() == 2) {
            Optional<Table> asColumnTable = findTable(from.get(0));
            if (asColumnTable.isPresent() && asColumnTable.get().column(from.get(1)).isPresent()
                    && from.get(0).equals(to.get(0))) {
                TableName table = asColumnTable.get().qualifiedName();
                renameColumn(hint, table, from.get(1), table, to.get(1));
                return;
            }
            renameTable(hint, new TableName(from.get(0), from.get(1)), new TableName(to.get(0), to.get(1)));
            return;
        }
        Table source = findTable(from.get(0)).orElseThrow(() -> new ZanithConfigException("--rename " + hint.text()
                + ": the live schema has no table " + from.get(0)));
        renameTable(hint, source.qualifiedName(), new TableName(source.schema(), to.get(0)));
    }

    private Optional<Table> findTable(String name) {
        List<Table> matches = working.tables().stream().filter(t -> t.name().equals(name)).toList();
        if (matches.size() > 1) {
            return matches.stream().filter(t -> t.schema().equals("public")).findFirst();
        }
        return matches.stream().findFirst();
    }

    private void renameTable(RenameHint hint, TableName from, TableName to) {
        if (working.table(from).isEmpty()) {
            throw new ZanithConfigException("--rename " + hint.text() + ": the live schema has no table " + from);
        }
        if (!from.schema().equals(to.schema())) {
            throw new ZanithConfigException("--rename " + hint.text() + ": moving a table to another schema is not a "
                    + "rename; keep both names in the same schema");
        }
        if (target.table(to).isEmpty()) {
            throw new ZanithConfigException("--rename " + hint.text() + ": the declared schema has no table " + to);
        }
        if (working.table(to).isPresent()) {
            throw new ZanithConfigException("--rename " + hint.text() + ": table " + to + " already exists");
        }
        RenameTable rename = new RenameTable(from, to.name());
        renames.add(rename);
        working = SchemaEffect.apply(working, rename);
    }

    private void renameColumn(RenameHint hint, TableName table, String from, TableName declaredTable, String to) {
        Table t = working.table(table).orElseThrow(() -> new ZanithConfigException("--rename " + hint.text()
                + ": the live schema has no table " + table));
        if (!table.equals(declaredTable)) {
            throw new ZanithConfigException("--rename " + hint.text() + ": a column rename stays in its table; rename the "
                    + "table with its own --rename");
        }
        if (t.column(from).isEmpty()) {
            throw new ZanithConfigException("--rename " + hint.text() + ": " + table + " has no column " + from);
        }
        if (target.table(table).flatMap(d -> d.column(to)).isEmpty()) {
            throw new ZanithConfigException("--rename " + hint.text() + ": the declared " + table + " has no column " + to);
        }
        if (t.column(to).isPresent()) {
            throw new ZanithConfigException("--rename " + hint.text() + ": " + table + " already has a column " + to);
        }
        RenameColumn rename = new RenameColumn(table, from, to);
        renames.add(rename);
        working = SchemaEffect.apply(working, rename);
    }

    /** A sequence owned by the same column on both sides under another name was renamed (with its table). */
    private void matchRenamedSequences() {
        Map<TableName, Sequence> declared = byName(target.sequences(), Sequence::qualifiedName);
        Map<TableName, Sequence> live = byName(working.sequences(), Sequence::qualifiedName);
        for (Sequence before : working.sequences()) {
            if (declared.containsKey(before.qualifiedName()) || before.ownedByTable() == null) {
                continue;
            }
            for (Sequence after : target.sequences()) {
                if (!live.containsKey(after.qualifiedName()) && after.schema().equals(before.schema())
                        && Objects.equals(after.ownedByTable(), before.ownedByTable())
                        && Objects.equals(after.ownedByColumn(), before.ownedByColumn())
                        && after.options().equals(before.options())) {
                    renames.add(new RenameSequence(before.qualifiedName(), after.name()));
                    String oldCall = nextval(before.qualifiedName());
                    String newCall = nextval(after.qualifiedName());
                    working = working.withSequences(working.sequences().stream()
                            .map(s -> s == before ? after : s).toList())
                            .withTables(working.tables().stream().map(t -> t.withColumns(t.columns().stream()
                                    .map(c -> oldCall.equals(c.defaultExpression()) ? c.withDefault(newCall) : c).toList()))
                                    .toList());
                    break;
                }
            }
        }
    }

    // ---------------------------------------------------------------- schema-level objects

    private void diffSchemas() {
        for (String schema : target.schemas()) {
            if (!working.schemas().contains(schema)) {
                setup.add(new CreateSchema(schema));
            }
        }
        for (String schema : working.schemas()) {
            if (target.schemas().contains(schema) || schema.equals("public")) {
                continue; // public is every database's default schema: emptied, never dropped
            }
            boolean parksTables = options.dropStrategy() != DropStrategy.HARD
                    && working.tables().stream().anyMatch(t -> t.schema().equals(schema));
            if (parksTables) {
                kept.add(schema);
                warnings.add("schema " + schema + " is kept: its tables are " + (options.dropStrategy() == DropStrategy.SOFT
                        ? "soft-dropped" : "archived") + " and the parked data stays in it; drop it after `zanith recover "
                        + "purge`, or generate with --drop-strategy hard");
            } else {
                schemaDrops.add(new DropSchema(schema));
            }
        }
    }

    private void diffExtensions() {
        Map<String, Extension> live = byName(working.extensions(), Extension::name);
        Map<String, Extension> declared = byName(target.extensions(), Extension::name);
        for (Extension extension : target.extensions()) {
            if (!live.containsKey(extension.name())) {
                setup.add(new CreateExtension(extension.name(), extension.schema()));
            } else if (!live.get(extension.name()).schema().equals(extension.schema())) {
                warnings.add("extension " + extension.name() + " lives in schema " + live.get(extension.name()).schema()
                        + " but is declared in " + extension.schema() + "; move it by hand (ALTER EXTENSION ... SET SCHEMA)");
            }
        }
        boolean keptUserTypes = typesOfKeptData().stream().anyMatch(type -> type.contains(".")
                && working.enums().stream().noneMatch(e -> e.sqlName().equals(type)));
        for (Extension extension : working.extensions()) {
            if (!declared.containsKey(extension.name())) {
                if (keptUserTypes) {
                    kept.add("extension " + extension.name());
                    warnings.add("extension " + extension.name() + " is kept: soft-dropped or archived data may still use "
                            + "its types; drop it after `zanith recover purge`");
                } else {
                    lateDrops.add(new DropExtension(extension.name(), extension.schema()));
                }
            }
        }
    }

    private void diffEnums() {
        Map<TableName, EnumType> live = byName(working.enums(), e -> new TableName(e.schema(), e.name()));
        Map<TableName, EnumType> declared = byName(target.enums(), e -> new TableName(e.schema(), e.name()));
        for (EnumType wanted : target.enums()) {
            TableName name = new TableName(wanted.schema(), wanted.name());
            EnumType existing = live.get(name);
            if (existing == null) {
                types.add(new CreateEnum(wanted));
                continue;
            }
            if (!existing.values().equals(wanted.values())) {
                if (isSubsequence(existing.values(), wanted.values())) {
                    addEnumValues(name, existing.values(), wanted.values());
                } else if (options.parkedTypes().contains(existing.sqlName())) {
                    // the old type cannot be dropped while parked data holds it: no half-done replacement
                    warnings.add("enum " + name + ": values were removed or reordered, but soft-dropped data still "
                            + "uses the type, so it cannot be replaced; purge that data first (zanith recover purge) "
                            + "or write the change by hand");
                } else {
                    replaceEnum(existing, wanted);
                    continue; // the replacement carries the declared comment
                }
            }
            if (!Objects.equals(existing.comment(), wanted.comment())) {
                columnChanges.add(new SetComment("type", name, null, wanted.comment(), existing.comment()));
            }
        }
        Set<String> keptTypes = typesOfKeptData();
        for (EnumType existing : working.enums()) {
            TableName name = new TableName(existing.schema(), existing.name());
            if (!declared.containsKey(name)) {
                if (keptTypes.contains(existing.sqlName())) {
                    kept.add("enum " + name);
                    warnings.add("enum " + name + " is kept: a soft-dropped or archived column still holds values of it; "
                            + "drop it after `zanith recover purge`");
                } else {
                    lateDrops.add(new DropEnum(name, existing));
                }
            }
        }
    }

    /**
     * Values removed or reordered, which PostgreSQL cannot do in place: the standard safe path. The declared type is
     * built under a temporary name, every column of the old type (arrays too) loses its default and is converted
     * through text ({@code USING col::text::new}, which fails on a value the new type lacks: the plan's preflight
     * counts those rows first), the old type is dropped and the new one takes its name. The defaults come back
     * with the column changes, which run after these steps.
     */
    private void replaceEnum(EnumType existing, EnumType wanted) {
        TableName name = new TableName(existing.schema(), existing.name());
        String temporary = RenderContext.replacementName(existing.name());
        String temporarySql = Identifiers.qualify(existing.schema(), temporary);
        types.add(new CreateEnum(new EnumType(existing.schema(), temporary, wanted.values(), wanted.comment())));
        List<Table> tables = new ArrayList<>();
        for (Table table : working.tables()) {
            List<Column> columns = new ArrayList<>();
            for (Column column : table.columns()) {
                String arrays = enumArrayDepth(column.type(), existing.sqlName());
                if (arrays == null) {
                    columns.add(column);
                    continue;
                }
                if (column.defaultExpression() != null) {
                    types.add(new DropDefault(table.qualifiedName(), column.name(), column.defaultExpression()));
                }
                String textType = "text" + arrays;
                types.add(new AlterColumnType(table.qualifiedName(), column.name(), temporarySql + arrays, null,
                        Identifiers.quote(column.name()) + "::" + textType + "::" + temporarySql + arrays, column.type()));
                columns.add(column.withDefault(null));
            }
            tables.add(table.withColumns(columns));
        }
        types.add(new DropEnum(name, existing));
        types.add(new RenameEnum(new TableName(existing.schema(), temporary), existing.name()));
        working = working.withTables(tables).withEnums(working.enums().stream()
                .map(e -> e == existing ? wanted : e).toList());
    }

    /** "" or "[]"... when {@code type} is the enum {@code enumSql} or an array of it, else null. */
    private static String enumArrayDepth(String type, String enumSql) {
        if (!type.startsWith(enumSql)) {
            return null;
        }
        String rest = type.substring(enumSql.length());
        return rest.matches("(\\[\\])*") ? rest : null;
    }

    private void addEnumValues(TableName name, List<String> existing, List<String> wanted) {
        for (int i = 0; i < wanted.size(); i++) {
            String value = wanted.get(i);
            if (existing.contains(value)) {
                continue;
            }
            if (i > 0) {
                types.add(new AddEnumValue(name, value, null, wanted.get(i - 1)));
            } else {
                String firstExisting = wanted.stream().filter(existing::contains).findFirst().orElse(null);
                types.add(new AddEnumValue(name, value, firstExisting, null));
            }
        }
    }

    private static boolean isSubsequence(List<String> part, List<String> whole) {
        int i = 0;
        for (String value : whole) {
            if (i < part.size() && part.get(i).equals(value)) {
                i++;
            }
        }
        return i == part.size();
    }

    /** Types (without array brackets) of columns the drop strategy parks or archives rather than deletes. */
    private Set<String> typesOfKeptData() {
        Set<String> typesInUse = new HashSet<>(options.parkedTypes());
        if (options.dropStrategy() == DropStrategy.HARD) {
            return typesInUse;
        }
        for (Table table : working.tables()) {
            Optional<Table> declared = target.table(table.qualifiedName());
            for (Column column : table.columns()) {
                if (declared.isEmpty() || declared.get().column(column.name()).isEmpty()) {
                    typesInUse.add(column.type().replaceAll("(\\[\\])+$", ""));
                }
            }
        }
        return typesInUse;
    }

    // ---------------------------------------------------------------- sequences

    private void findImplicitSequences() {
        for (Table table : target.tables()) {
            Optional<Table> live = working.table(table.qualifiedName());
            for (Column column : table.columns()) {
                boolean isNew = live.isEmpty() || live.get().column(column.name()).isEmpty();
                if (isNew) {
                    serialSequence(table.qualifiedName(), column).ifPresent(implicitSequences::add);
                }
            }
        }
    }

    /** The sequence a column's default draws from when the column is exactly what {@code serial} creates. */
    private Optional<TableName> serialSequence(TableName table, Column column) {
        if (column.defaultExpression() == null || !column.notNull() || column.identity() != null) {
            return Optional.empty();
        }
        String expected = table.name() + "_" + column.name() + "_seq";
        if (expected.getBytes(StandardCharsets.UTF_8).length > 63) {
            return Optional.empty();
        }
        TableName sequenceName = new TableName(table.schema(), expected);
        if (!column.defaultExpression().equals(nextval(sequenceName))) {
            return Optional.empty();
        }
        return target.sequences().stream()
                .filter(s -> s.qualifiedName().equals(sequenceName) && table.name().equals(s.ownedByTable())
                        && column.name().equals(s.ownedByColumn())
                        && s.options().equals(serialOptions(column.type())))
                .findFirst().map(Sequence::qualifiedName);
    }

    private static SequenceOptions serialOptions(String type) {
        long max = switch (type) {
            case "smallint" -> Short.MAX_VALUE;
            case "integer" -> Integer.MAX_VALUE;
            case "bigint" -> Long.MAX_VALUE;
            default -> 0;
        };
        return new SequenceOptions(type, 1, 1, 1, max, 1, false);
    }

    private static String nextval(TableName sequence) {
        return "nextval(" + Identifiers.literal(sequence.sql()) + "::regclass)";
    }

    /** The column as it goes into CREATE TABLE / ADD COLUMN: {@code serial} when that is what it is. */
    private Column forCreation(TableName table, Column column) {
        if (serialSequence(table, column).isEmpty()) {
            return column;
        }
        String serial = switch (column.type()) {
            case "smallint" -> "smallserial";
            case "bigint" -> "bigserial";
            default -> "serial";
        };
        return new Column(column.name(), serial, true, null, null, null, column.collation(), column.comment());
    }

    private void diffSequences() {
        Map<TableName, Sequence> live = byName(working.sequences(), Sequence::qualifiedName);
        Map<TableName, Sequence> declared = byName(target.sequences(), Sequence::qualifiedName);
        for (Sequence wanted : target.sequences()) {
            Sequence existing = live.get(wanted.qualifiedName());
            if (existing == null) {
                if (implicitSequences.contains(wanted.qualifiedName())) {
                    continue;
                }
                if (replacesIdentity(wanted)) {
                    // created by the column change, where it takes over the identity's position
                    relations.add(new AlterSequence(wanted.qualifiedName(), null, wanted.ownedByTable(),
                            wanted.ownedByColumn(), null, null, null));
                    continue;
                }
                types.add(new CreateSequence(new Sequence(wanted.schema(), wanted.name(), wanted.options(), null, null)));
                if (wanted.ownedByTable() != null) {
                    relations.add(new AlterSequence(wanted.qualifiedName(), null, wanted.ownedByTable(),
                            wanted.ownedByColumn(), null, null, null));
                }
            } else if (!existing.options().equals(wanted.options())
                    || !Objects.equals(existing.ownedByTable(), wanted.ownedByTable())
                    || !Objects.equals(existing.ownedByColumn(), wanted.ownedByColumn())) {
                relations.add(new AlterSequence(wanted.qualifiedName(),
                        existing.options().equals(wanted.options()) ? null : wanted.options(),
                        wanted.ownedByTable(), wanted.ownedByColumn(), existing.options(), existing.ownedByTable(),
                        existing.ownedByColumn()));
            }
        }
        for (Sequence existing : working.sequences()) {
            if (!declared.containsKey(existing.qualifiedName()) && !ownerGoesAway(existing)
                    && !takenOverByIdentity(existing)) {
                lateDrops.add(new DropSequence(existing.qualifiedName(), existing));
            }
        }
    }

    /** The sequence a column's default draws from and that the column owns (serial, or made so), in {@code graph}. */
    private static Optional<Sequence> ownedSequence(SchemaGraph graph, TableName table, Column column) {
        if (column.defaultExpression() == null) {
            return Optional.empty();
        }
        return graph.sequences().stream().filter(s -> s.schema().equals(table.schema())
                && table.name().equals(s.ownedByTable()) && column.name().equals(s.ownedByColumn())
                && column.defaultExpression().equals(nextval(s.qualifiedName()))).findFirst();
    }

    /** The live and declared column owning {@code sequence}, when it is on both sides. */
    private Optional<Column[]> ownerOnBothSides(Sequence sequence) {
        if (sequence.ownedByTable() == null) {
            return Optional.empty();
        }
        TableName owner = new TableName(sequence.schema(), sequence.ownedByTable());
        Optional<Column> live = working.table(owner).flatMap(t -> t.column(sequence.ownedByColumn()));
        Optional<Column> declared = target.table(owner).flatMap(t -> t.column(sequence.ownedByColumn()));
        return live.isPresent() && declared.isPresent() ? Optional.of(new Column[] {live.get(), declared.get()})
                : Optional.empty();
    }

    /** A live serial sequence whose column becomes an identity: the identity takes over its position. */
    private boolean takenOverByIdentity(Sequence sequence) {
        return ownerOnBothSides(sequence).filter(c -> c[0].identity() == null && c[1].identity() != null
                && ownedSequence(working, new TableName(sequence.schema(), sequence.ownedByTable()), c[0])
                .filter(sequence::equals).isPresent()).isPresent();
    }

    /** A declared serial sequence whose column is an identity now: it takes over the identity's position. */
    private boolean replacesIdentity(Sequence sequence) {
        return ownerOnBothSides(sequence).filter(c -> c[0].identity() != null && c[1].identity() == null
                && ownedSequence(target, new TableName(sequence.schema(), sequence.ownedByTable()), c[1])
                .filter(sequence::equals).isPresent()).isPresent();
    }

    /** Whether a sequence's owning column or table is dropped anyway (taking or parking the sequence with it). */
    private boolean ownerGoesAway(Sequence sequence) {
        if (sequence.ownedByTable() == null) {
            return false;
        }
        TableName owner = new TableName(sequence.schema(), sequence.ownedByTable());
        Optional<Table> declared = target.table(owner);
        return declared.isEmpty() || declared.get().column(sequence.ownedByColumn()).isEmpty();
    }

    // ---------------------------------------------------------------- tables

    private void diffTables() {
        attachedTables = PartitionDiff.attached(working, target);
        for (Table wanted : target.tables()) {
            Optional<Table> existing = working.table(wanted.qualifiedName());
            if (existing.isEmpty()) {
                newTable(wanted);
            } else {
                alterTable(existing.get(), wanted);
            }
        }
        List<Table> dropped = working.tables().stream().filter(t -> target.table(t.qualifiedName()).isEmpty()
                && !attachedTables.contains(t.qualifiedName())).toList();
        List<Table> added = target.tables().stream().filter(t -> working.table(t.qualifiedName()).isEmpty()).toList();
        for (Table gone : dropped) {
            for (Table fresh : added) {
                if (gone.schema().equals(fresh.schema()) && columnTypes(gone).equals(columnTypes(fresh))) {
                    suspects.add(new RenameSuspect(null, gone.name(), fresh.name()));
                    break;
                }
            }
        }
        if (options.dropStrategy() == DropStrategy.HARD) {
            for (Table gone : dropped) {
                for (ForeignKey fk : gone.foreignKeys()) {
                    if (!fk.referenced().equals(gone.qualifiedName())
                            && dropped.stream().anyMatch(t -> t.qualifiedName().equals(fk.referenced()))) {
                        dependentDrops.add(new DropForeignKey(gone.qualifiedName(), fk.name(), fk));
                    }
                }
            }
        }
        for (Table gone : dropped) {
            tableDrops.add(switch (options.dropStrategy()) {
                case SOFT -> new SoftDropTable(gone.qualifiedName(), gone);
                case ARCHIVE -> new ArchiveTable(gone.qualifiedName(), gone);
                case HARD -> new DropTable(gone.qualifiedName(), gone);
            });
        }
    }

    private static List<String> columnTypes(Table table) {
        return table.columns().stream().map(Column::type).toList();
    }

    private void newTable(Table declared) {
        Table table = partitions().newTable(declared, attachedTables);
        TableName name = table.qualifiedName();
        List<Column> columns = table.columns().stream().map(c -> forCreation(name, c)).toList();
        Table created = new Table(table.schema(), table.name(), table.unlogged(), columns, table.primaryKey(),
                table.uniqueConstraints(), table.checkConstraints().stream().filter(CheckConstraint::validated).toList(),
                List.of(), List.of(), false, false, List.of(), table.comment(), table.partitioning(),
                table.storageParameters());
        creates.add(new CreateTable(created));
        for (CheckConstraint check : table.checkConstraints()) {
            if (!check.validated()) {
                constraints.add(new AddCheckConstraint(name, check, true));
            }
        }
        for (Index index : table.indexes()) {
            constraints.add(new AddIndex(name, index.asValid(), false));
        }
        for (ForeignKey fk : table.foreignKeys()) {
            relations.add(new AddForeignKey(name, fk, !fk.validated()));
        }
        if (table.rlsEnabled()) {
            security.add(new EnableRls(name, table.rlsForced()));
        } else if (table.rlsForced()) {
            security.add(new DisableRls(name, true));
        }
        for (Policy policy : table.policies()) {
            security.add(new CreatePolicy(name, policy));
        }
    }

    private void alterTable(Table live, Table wanted) {
        TableName name = wanted.qualifiedName();
        columnChanges.addAll(AttachmentDiff.storage(live, wanted));
        diffColumns(live, wanted);
        diffPrimaryKey(live, wanted);
        diffUniqueConstraints(live, wanted);
        diffChecks(live, wanted);
        diffIndexes(live, wanted);
        diffForeignKeys(live, wanted);
        diffRowLevelSecurity(live, wanted);
        partitions().alter(live, wanted, attachedTables);
        if (!Objects.equals(live.comment(), wanted.comment())) {
            columnChanges.add(new SetComment("table", name, null, wanted.comment(), live.comment()));
        }
    }

    private PartitionDiff partitions() {
        return new PartitionDiff(options, working, target, partitionOps);
    }

    /**
     * An index added to an existing table: on a partitioned table, built per partition concurrently and attached when
     * online ({@code CREATE INDEX CONCURRENTLY} refuses partitioned tables).
     */
    private Operation addIndex(Table live, Table wanted, Index index, boolean concurrently) {
        if (concurrently && live.partitioning() != null && wanted.partitioning() != null) {
            // partitions attached later in this migration get their index from ATTACH itself
            return new AddPartitionedIndex(wanted.qualifiedName(), index, wanted.partitioning().partitions().stream()
                    .filter(p -> !attachedTables.contains(p.qualifiedName())).toList());
        }
        return new AddIndex(wanted.qualifiedName(), index, concurrently);
    }

    private void diffColumns(Table live, Table wanted) {
        TableName name = wanted.qualifiedName();
        List<Column> removed = live.columns().stream().filter(c -> wanted.column(c.name()).isEmpty()).toList();
        List<Column> added = wanted.columns().stream().filter(c -> live.column(c.name()).isEmpty()).toList();
        for (Column column : wanted.columns()) {
            Optional<Column> existing = live.column(column.name());
            if (existing.isEmpty()) {
                columnChanges.add(new AddColumn(name, forCreation(name, column)));
            } else {
                diffColumn(name, existing.get(), column);
            }
        }
        Set<String> suspected = new HashSet<>();
        for (Column gone : removed) {
            for (Column fresh : added) {
                if (gone.type().equals(fresh.type()) && suspected.add(fresh.name())) {
                    suspects.add(new RenameSuspect(name, gone.name(), fresh.name()));
                    break;
                }
            }
        }
        for (Column gone : removed) {
            columnDrops.add(dropColumn(live, gone));
        }
    }

    private Operation dropColumn(Table live, Column column) {
        TableName name = live.qualifiedName();
        return switch (options.dropStrategy()) {
            case SOFT -> new SoftDropColumn(name, column.name(), column);
            case HARD -> new DropColumn(name, column.name(), column);
            case ARCHIVE -> {
                if (live.primaryKey() == null) {
                    warnings.add("column " + name + "." + column.name() + " is soft-dropped instead of archived: the table "
                            + "has no primary key to restore rows by");
                    yield new SoftDropColumn(name, column.name(), column);
                }
                yield new ArchiveColumn(name, column.name(), column, live.primaryKey().columns());
            }
        };
    }

    private void diffColumn(TableName table, Column live, Column wanted) {
        String column = wanted.name();
        if (!Objects.equals(live.generated(), wanted.generated())) {
            if (live.generated() != null && wanted.generated() != null) {
                columnChanges.add(new DropColumn(table, column, live));
                columnChanges.add(new AddColumn(table, wanted));
            } else {
                warnings.add("column " + table + "." + column + (live.generated() != null
                        ? " is generated but declared as a plain column" : " is plain but declared as generated")
                        + "; converting it would lose or overwrite data, so write that migration by hand");
            }
            return;
        }
        if (live.identity() != null && wanted.identity() == null) {
            Optional<Sequence> serial = ownedSequence(target, table, wanted).filter(this::replacesIdentity);
            if (serial.isPresent()) {
                // identity → serial: the new sequence takes over the identity's position under a temporary name
                // (the identity's own sequence usually has the very name), then gets its name once that is gone
                Sequence sequence = serial.get();
                String temporary = RenderContext.replacementName(sequence.name());
                columnChanges.add(new CreateSequence(new Sequence(sequence.schema(), temporary, sequence.options(), null,
                        null), table, column));
                columnChanges.add(new DropIdentity(table, column, live.identity()));
                columnChanges.add(new RenameSequence(new TableName(sequence.schema(), temporary), sequence.name()));
            } else {
                columnChanges.add(new DropIdentity(table, column, live.identity()));
            }
        }
        boolean typeChanged = !live.type().equals(wanted.type()) || !Objects.equals(live.collation(), wanted.collation());
        if (typeChanged) {
            if (live.defaultExpression() != null) {
                columnChanges.add(new DropDefault(table, column, live.defaultExpression()));
            }
            columnChanges.add(new AlterColumnType(table, column, wanted.type(), wanted.collation(),
                    needsUsing(live.type(), wanted.type()) ? Identifiers.quote(column) + "::" + wanted.type() : null,
                    live.type()));
            if (wanted.defaultExpression() != null) {
                columnChanges.add(new SetDefault(table, column, wanted.defaultExpression(), null));
            }
        } else if (!Objects.equals(live.defaultExpression(), wanted.defaultExpression())) {
            columnChanges.add(wanted.defaultExpression() == null
                    ? new DropDefault(table, column, live.defaultExpression())
                    : new SetDefault(table, column, wanted.defaultExpression(), live.defaultExpression()));
        }
        if (live.notNull() && !wanted.notNull()) {
            columnChanges.add(new DropNotNull(table, column));
        } else if (!live.notNull() && wanted.notNull()) {
            if (options.onlineSafe()) {
                setNotNullOnline(table, column);
            } else {
                columnChanges.add(new SetNotNull(table, column));
            }
        }
        if (wanted.identity() != null && !wanted.identity().equals(live.identity())) {
            Optional<Sequence> serial = ownedSequence(working, table, live).filter(this::takenOverByIdentity);
            if (serial.isPresent()) {
                // serial → identity: the old sequence steps aside (so the identity's gets its usual name), hands
                // its position over, and goes
                Sequence old = serial.get();
                TableName parked = new TableName(old.schema(),
                        RenderContext.replacementName(old.name()).replace("_zanith_new", "_zanith_old"));
                columnChanges.add(new RenameSequence(old.qualifiedName(), parked.name()));
                // no longer the column's: pg_get_serial_sequence must find the identity's sequence, not this one
                columnChanges.add(new AlterSequence(parked, null, null, null, null, old.ownedByTable(), old.ownedByColumn()));
                columnChanges.add(new SetIdentity(table, column, wanted.identity(), live.identity(), parked));
                columnChanges.add(new DropSequence(parked, old));
            } else {
                columnChanges.add(new SetIdentity(table, column, wanted.identity(), live.identity()));
            }
        }
        if (!Objects.equals(live.comment(), wanted.comment())) {
            columnChanges.add(new SetComment("column", table, column, wanted.comment(), live.comment()));
        }
    }

    /** CHECK (c IS NOT NULL) NOT VALID → VALIDATE → SET NOT NULL (proven by the check, no scan) → drop the check. */
    private void setNotNullOnline(TableName table, String column) {
        String check = RenderContext.replacementName(column).replace("_zanith_new", "_zanith_not_null");
        columnChanges.add(new AddCheckConstraint(table, new CheckConstraint(check, Identifiers.quote(column) + " IS NOT NULL",
                false, false), true));
        columnChanges.add(new ValidateConstraint(table, check));
        columnChanges.add(new SetNotNull(table, column));
        columnChanges.add(new DropCheckConstraint(table, check, null));
    }

    /** Conversions PostgreSQL will not do implicitly (text to number, anything to an enum, ...) get USING col::type. */
    static boolean needsUsing(String from, String to) {
        boolean fromText = isTextType(from);
        boolean toText = isTextType(to);
        if (fromText && toText) {
            return false;
        }
        if (fromText || isUserType(to) || isUserType(from)) {
            return true;
        }
        return (from.startsWith("json") != to.startsWith("json")) || from.equals("boolean") != to.equals("boolean");
    }

    private static boolean isTextType(String type) {
        return type.equals("text") || type.startsWith("character varying") || type.startsWith("character(")
                || type.equals("character") || type.equals("citext") || type.endsWith(".citext");
    }

    private static boolean isUserType(String type) {
        return type.contains(".") && !type.endsWith(".citext");
    }

    private void diffPrimaryKey(Table live, Table wanted) {
        TableName name = wanted.qualifiedName();
        PrimaryKey before = live.primaryKey();
        PrimaryKey after = wanted.primaryKey();
        if (Objects.equals(before, after)) {
            return;
        }
        if (before != null && after != null && withName(before, after.name()).equals(after)) {
            renames.add(new RenameConstraint(name, before.name(), after.name()));
            return;
        }
        if (before != null) {
            dependentDrops.add(new DropPrimaryKey(name, before.name(), before));
        }
        if (after != null) {
            // ADD ... USING INDEX refuses a partitioned table: there the constraint builds its own index
            boolean adopt = options.onlineSafe() && live.partitioning() == null;
            if (adopt) {
                constraints.add(new AddIndex(name, new Index(after.name(), true, "btree", quoted(after.columns()),
                        after.include(), false, null, List.of(), true), true));
            }
            constraints.add(new AddPrimaryKey(name, after, adopt ? after.name() : null));
        }
    }

    private static PrimaryKey withName(PrimaryKey pk, String name) {
        return new PrimaryKey(name, pk.columns(), pk.include(), pk.deferrable(), pk.initiallyDeferred());
    }

    private void diffUniqueConstraints(Table live, Table wanted) {
        TableName name = wanted.qualifiedName();
        Matched<UniqueConstraint> matched = match(live.uniqueConstraints(), wanted.uniqueConstraints(), UniqueConstraint::name,
                u -> new UniqueConstraint("_", u.columns(), u.include(), u.nullsNotDistinct(), u.deferrable(),
                        u.initiallyDeferred()));
        matched.renamed().forEach((before, after) -> renames.add(new RenameConstraint(name, before.name(), after.name())));
        for (UniqueConstraint gone : matched.removed()) {
            dependentDrops.add(new DropUniqueConstraint(name, gone.name(), gone));
        }
        // ADD ... USING INDEX refuses a partitioned table: there the constraint builds its own index
        boolean adopt = options.onlineSafe() && live.partitioning() == null;
        for (UniqueConstraint fresh : matched.added()) {
            if (adopt) {
                constraints.add(new AddIndex(name, new Index(fresh.name(), true, "btree", quoted(fresh.columns()),
                        fresh.include(), fresh.nullsNotDistinct(), null, List.of(), true), true));
            }
            constraints.add(new AddUniqueConstraint(name, fresh, adopt ? fresh.name() : null));
        }
    }

    private void diffChecks(Table live, Table wanted) {
        TableName name = wanted.qualifiedName();
        Map<String, CheckConstraint> before = byName(live.checkConstraints(), CheckConstraint::name);
        List<CheckConstraint> onlyValidation = new ArrayList<>();
        List<CheckConstraint> liveChecks = new ArrayList<>();
        List<CheckConstraint> wantedChecks = new ArrayList<>();
        for (CheckConstraint check : wanted.checkConstraints()) {
            CheckConstraint existing = before.get(check.name());
            if (existing != null && sameCheck(existing, check) && !existing.validated() && check.validated()) {
                onlyValidation.add(check);
            } else {
                wantedChecks.add(check);
            }
        }
        for (CheckConstraint check : live.checkConstraints()) {
            if (onlyValidation.stream().noneMatch(c -> c.name().equals(check.name()))) {
                liveChecks.add(check);
            }
        }
        Matched<CheckConstraint> matched = match(liveChecks, wantedChecks, CheckConstraint::name,
                c -> new CheckConstraint("_", c.expression(), c.validated(), c.noInherit()));
        matched.renamed().forEach((b, a) -> renames.add(new RenameConstraint(name, b.name(), a.name())));
        for (CheckConstraint gone : matched.removed()) {
            dependentDrops.add(new DropCheckConstraint(name, gone.name(), gone));
        }
        for (CheckConstraint fresh : matched.added()) {
            constraints.add(new AddCheckConstraint(name, fresh, options.onlineSafe() || !fresh.validated()));
            if (fresh.validated() && options.onlineSafe()) {
                constraints.add(new ValidateConstraint(name, fresh.name()));
            }
        }
        for (CheckConstraint check : onlyValidation) {
            constraints.add(new ValidateConstraint(name, check.name()));
        }
    }

    private static boolean sameCheck(CheckConstraint a, CheckConstraint b) {
        return a.expression().equals(b.expression()) && a.noInherit() == b.noInherit();
    }

    private void diffIndexes(Table live, Table wanted) {
        TableName name = wanted.qualifiedName();
        // DROP INDEX CONCURRENTLY refuses a partitioned table's index
        boolean dropConcurrently = options.onlineSafe() && live.partitioning() == null;
        Map<String, Index> before = byName(live.indexes(), Index::name);
        Map<String, Index> after = byName(wanted.indexes(), Index::name);
        List<Index> removed = new ArrayList<>();
        List<Index> added = new ArrayList<>();
        for (Index index : wanted.indexes()) {
            Index existing = before.get(index.name());
            if (existing == null) {
                added.add(index);
            } else if (!existing.asValid().equals(index.asValid()) && !options.onlineSafe()) {
                constraints.add(new DropIndex(name, existing.name(), existing, false));
                constraints.add(new AddIndex(name, index.asValid(), false));
            } else if (!existing.asValid().equals(index.asValid())) {
                // Build the replacement under a temporary name, then swap: the old index serves queries meanwhile.
                String temporary = RenderContext.replacementName(index.name());
                constraints.add(addIndex(live, wanted, index.asValid().withName(temporary), true));
                constraints.add(new DropIndex(name, existing.name(), existing, dropConcurrently));
                constraints.add(new RenameIndex(name, temporary, index.name()));
            } else if (!existing.valid()) {
                // Left INVALID by a failed concurrent build: drop it and build it again.
                dependentDrops.add(new DropIndex(name, existing.name(), existing, dropConcurrently));
                constraints.add(addIndex(live, wanted, index.asValid(), true));
            }
        }
        for (Index index : live.indexes()) {
            if (!after.containsKey(index.name())) {
                removed.add(index);
            }
        }
        Matched<Index> matched = match(removed, added, Index::name, i -> i.asValid().withName("_"));
        matched.renamed().forEach((b, a) -> renames.add(new RenameIndex(name, b.name(), a.name())));
        for (Index gone : matched.removed()) {
            dependentDrops.add(new DropIndex(name, gone.name(), gone, dropConcurrently));
        }
        for (Index fresh : matched.added()) {
            constraints.add(addIndex(live, wanted, fresh.asValid(), options.onlineSafe()));
        }
    }

    private void diffForeignKeys(Table live, Table wanted) {
        TableName name = wanted.qualifiedName();
        Map<String, ForeignKey> before = byName(live.foreignKeys(), ForeignKey::name);
        List<ForeignKey> onlyValidation = new ArrayList<>();
        List<ForeignKey> wantedKeys = new ArrayList<>();
        for (ForeignKey fk : wanted.foreignKeys()) {
            ForeignKey existing = before.get(fk.name());
            if (existing != null && !existing.validated() && fk.validated() && validated(existing).equals(fk)) {
                onlyValidation.add(fk);
            } else {
                wantedKeys.add(fk);
            }
        }
        List<ForeignKey> liveKeys = live.foreignKeys().stream()
                .filter(fk -> onlyValidation.stream().noneMatch(v -> v.name().equals(fk.name()))).toList();
        Matched<ForeignKey> matched = match(liveKeys, wantedKeys, ForeignKey::name,
                fk -> new ForeignKey("_", fk.columns(), fk.referencedSchema(), fk.referencedTable(),
                        fk.referencedColumns(), fk.onUpdate(), fk.onDelete(), fk.match(), fk.deferrable(),
                        fk.initiallyDeferred(), fk.validated()));
        matched.renamed().forEach((b, a) -> renames.add(new RenameConstraint(name, b.name(), a.name())));
        for (ForeignKey gone : matched.removed()) {
            dependentDrops.add(new DropForeignKey(name, gone.name(), gone));
        }
        for (ForeignKey fresh : matched.added()) {
            relations.add(new AddForeignKey(name, fresh, options.onlineSafe() || !fresh.validated()));
            if (fresh.validated() && options.onlineSafe()) {
                relations.add(new ValidateConstraint(name, fresh.name()));
            }
        }
        for (ForeignKey fk : onlyValidation) {
            relations.add(new ValidateConstraint(name, fk.name()));
        }
    }

    private static ForeignKey validated(ForeignKey fk) {
        return new ForeignKey(fk.name(), fk.columns(), fk.referencedSchema(), fk.referencedTable(), fk.referencedColumns(),
                fk.onUpdate(), fk.onDelete(), fk.match(), fk.deferrable(), fk.initiallyDeferred(), true);
    }

    private void diffRowLevelSecurity(Table live, Table wanted) {
        TableName name = wanted.qualifiedName();
        if (wanted.rlsEnabled() && (!live.rlsEnabled() || live.rlsForced() != wanted.rlsForced())) {
            security.add(new EnableRls(name, wanted.rlsForced()));
        } else if (!wanted.rlsEnabled() && (live.rlsEnabled() || live.rlsForced() != wanted.rlsForced())) {
            security.add(new DisableRls(name, wanted.rlsForced()));
        }
        Map<String, Policy> before = byName(live.policies(), Policy::name);
        Map<String, Policy> after = byName(wanted.policies(), Policy::name);
        for (Policy policy : live.policies()) {
            Policy declared = after.get(policy.name());
            if (declared == null || !declared.equals(policy)) {
                dependentDrops.add(new DropPolicy(name, policy.name(), policy));
            }
        }
        for (Policy policy : wanted.policies()) {
            if (!policy.equals(before.get(policy.name()))) {
                security.add(new CreatePolicy(name, policy));
            }
        }
    }

    /**
     * A foreign key depends on the unique index (of a primary key, a unique constraint, or plain) that covers its
     * referenced columns, and PostgreSQL refuses to drop that index while the key exists. So every foreign key
     * referencing a unique key that is dropped or replaced is dropped first (before any other dependent drop) and,
     * unless it goes anyway, added back once the new key is there.
     */
    private void protectForeignKeys() {
        List<Operation> keyDrops = new ArrayList<>();
        keyDrops.addAll(dependentDrops);
        keyDrops.addAll(constraints);
        Set<String> droppedKeys = new HashSet<>();
        for (Operation op : keyDrops) {
            List<String> columns = null;
            if (op instanceof DropIndex drop && drop.definition() != null && drop.definition().unique()
                    && drop.definition().predicate() == null) {
                columns = plainColumns(drop.definition().keys());
            } else if (op instanceof DropUniqueConstraint drop && drop.definition() != null) {
                columns = drop.definition().columns();
            } else if (op instanceof DropPrimaryKey drop && drop.definition() != null) {
                columns = drop.definition().columns();
            }
            if (columns != null) {
                droppedKeys.add(op.target() + "|" + new java.util.TreeSet<>(columns));
            }
        }
        if (droppedKeys.isEmpty()) {
            return;
        }
        List<Operation> fkDrops = new ArrayList<>();
        for (Table table : working.tables()) {
            for (ForeignKey fk : table.foreignKeys()) {
                if (!droppedKeys.contains(fk.referenced() + "|" + new java.util.TreeSet<>(fk.referencedColumns()))) {
                    continue;
                }
                boolean droppedAnyway = dependentDrops.stream().anyMatch(op -> op instanceof DropForeignKey d
                        && d.table().equals(table.qualifiedName()) && d.name().equals(fk.name()));
                if (droppedAnyway) {
                    continue; // moved to the front below
                }
                fkDrops.add(new DropForeignKey(table.qualifiedName(), fk.name(), fk));
                Optional<ForeignKey> declared = target.table(table.qualifiedName())
                        .flatMap(t -> t.foreignKeys().stream().filter(k -> k.name().equals(fk.name())).findFirst());
                if (declared.isPresent() && declared.get().equals(fk)) {
                    relations.add(new AddForeignKey(table.qualifiedName(), fk, options.onlineSafe() || !fk.validated()));
                    if (fk.validated() && options.onlineSafe()) {
                        relations.add(new ValidateConstraint(table.qualifiedName(), fk.name()));
                    }
                }
            }
        }
        List<Operation> reordered = new ArrayList<>(fkDrops);
        dependentDrops.stream().filter(op -> op instanceof DropForeignKey).forEach(reordered::add);
        dependentDrops.stream().filter(op -> !(op instanceof DropForeignKey)).forEach(reordered::add);
        dependentDrops.clear();
        dependentDrops.addAll(reordered);
    }

    /** The column names of index keys that are plain columns, or null when any key is an expression. */
    private static List<String> plainColumns(List<String> keys) {
        List<String> columns = new ArrayList<>();
        for (String key : keys) {
            if (key.matches("\"(?:[^\"]|\"\")+\"")) {
                columns.add(key.substring(1, key.length() - 1).replace("\"\"", "\""));
            } else if (key.matches("[a-z_][a-z0-9_$]*")) {
                columns.add(key);
            } else {
                return null;
            }
        }
        return columns;
    }

    // ---------------------------------------------------------------- helpers

    /** Objects only on one side, pairing those that differ only by name as renames. */
    private record Matched<T>(List<T> removed, List<T> added, Map<T, T> renamed) {
    }

    private static <T> Matched<T> match(List<T> live, List<T> wanted, Function<T, String> name, UnaryOperator<T> anonymous) {
        Map<String, T> liveByName = byName(live, name);
        Map<String, T> wantedByName = byName(wanted, name);
        List<T> removed = new ArrayList<>();
        List<T> added = new ArrayList<>();
        for (T item : live) {
            T declared = wantedByName.get(name.apply(item));
            if (declared == null || !declared.equals(item)) {
                removed.add(item);
            }
        }
        for (T item : wanted) {
            T existing = liveByName.get(name.apply(item));
            if (existing == null || !existing.equals(item)) {
                added.add(item);
            }
        }
        Map<T, T> renamed = new LinkedHashMap<>();
        for (T fresh : new ArrayList<>(added)) {
            if (liveByName.containsKey(name.apply(fresh))) {
                continue;
            }
            for (T gone : removed) {
                if (!wantedByName.containsKey(name.apply(gone)) && !renamed.containsKey(gone)
                        && anonymous.apply(gone).equals(anonymous.apply(fresh))) {
                    renamed.put(gone, fresh);
                    break;
                }
            }
        }
        removed.removeAll(renamed.keySet());
        added.removeAll(renamed.values());
        return new Matched<>(removed, added, renamed);
    }

    private static <K, T> Map<K, T> byName(List<T> items, Function<T, K> key) {
        Map<K, T> map = new LinkedHashMap<>();
        for (T item : items) {
            map.put(key.apply(item), item);
        }
        return map;
    }

    private static List<String> quoted(List<String> columns) {
        return columns.stream().map(Identifiers::quote).collect(Collectors.toList());
    }
}
