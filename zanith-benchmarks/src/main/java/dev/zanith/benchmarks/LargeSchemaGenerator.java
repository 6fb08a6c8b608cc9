package dev.zanith.benchmarks;

import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.sql.Identifiers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Builds the DDL of a large, realistic schema: N tables ("models") with exactly F foreign-key edges, the same
 * for the same seed. Each table has a bigint identity primary key, 5 to 15 columns of varied types (enum
 * typed ones included), some CHECK and UNIQUE constraints, indexed foreign-key columns, and now and then a
 * partial, expression, composite or GIN index and a comment. Foreign keys point at earlier tables (skewed
 * towards a few hub tables, like users and accounts) or at the table itself, so the DDL applies in order.
 * Functions, triggers and views come in the proportions of an application schema: two shared functions (a trigger
 * function keeping {@code updated_at} current and an immutable code normalizer), a lookup function for about one
 * table in 25, a {@code BEFORE UPDATE} trigger on about half the tables with {@code updated_at}, and a view of the
 * live rows for about one table in 10. They are drawn from a random stream of their own, so the tables are the same
 * as without them for the same seed.
 */
public final class LargeSchemaGenerator {

    /** The scale of the large-schema stress test: 1,000 models, 3,967 relation edges. */
    public static final int DEFAULT_TABLES = 1_000;
    public static final int DEFAULT_FOREIGN_KEYS = 3_967;
    /** The large preset; its foreign keys scale with {@link #scaledForeignKeys(int)}. */
    public static final int LARGE_TABLES = 10_000;
    public static final long DEFAULT_SEED = 42L;
    /**
     * Most foreign keys one table gets. Each points at a different table (an earlier one, or itself), so table
     * number i (from 0) gets at most i + 1.
     */
    public static final int MAX_FOREIGN_KEYS_PER_TABLE = 12;
    private static final int ATTEMPTS_AT_A_NEW_TARGET = 8;
    /** The share of tables with a lookup function, of tables with updated_at that get a trigger, of tables with a view. */
    private static final double FUNCTION_SHARE = 0.04;
    private static final double TRIGGER_SHARE = 0.5;
    private static final double VIEW_SHARE = 0.1;
    /** Mixed into the seed for the stream the functions, triggers and views are drawn from. */
    private static final long ROUTINE_STREAM = 0x5EEDF00DL;

    private static final int MAX_IDENTIFIER_LENGTH = 63;
    private static final int MIN_OPTIONAL_COLUMNS = 4;
    private static final int MAX_OPTIONAL_COLUMNS = 14;
    private static final List<String> MODULES = List.of("core", "sales", "billing", "inventory", "catalog",
            "shipping", "crm", "hr", "support", "analytics", "auth", "content");
    private static final List<String> NOUNS = List.of("account", "customer", "order", "order_line", "invoice",
            "payment", "product", "variant", "warehouse", "shipment", "address", "contact", "employee", "ticket",
            "comment", "event", "session", "subscription", "plan", "coupon", "refund", "supplier", "purchase",
            "category", "tag", "asset", "document", "note", "task", "project");

    private final String schema;
    private final int tables;
    private final int foreignKeys;
    private final long seed;

    public LargeSchemaGenerator(int tables, int foreignKeys, long seed) {
        this("public", tables, foreignKeys, seed);
    }

    public LargeSchemaGenerator(String schema, int tables, int foreignKeys, long seed) {
        if (tables < 1) {
            throw new ZanithException("The number of tables must be at least 1, got " + tables + ".");
        }
        if (foreignKeys < 0 || foreignKeys > maxForeignKeys(tables)) {
            throw new ZanithException(String.format(Locale.ROOT,
                    "%,d tables can hold 0 to %,d foreign keys (at most %d per table), got %,d.", tables,
                    maxForeignKeys(tables), MAX_FOREIGN_KEYS_PER_TABLE, foreignKeys));
        }
        this.schema = schema;
        this.tables = tables;
        this.foreignKeys = foreignKeys;
        this.seed = seed;
    }

    /** The stress-test ratio of 3.967 foreign keys per table applied to {@code tables} (capped for tiny schemas). */
    public static int scaledForeignKeys(int tables) {
        long scaled = Math.round((double) tables * DEFAULT_FOREIGN_KEYS / DEFAULT_TABLES);
        return (int) Math.min(scaled, maxForeignKeys(tables));
    }

    public static int maxForeignKeys(int tables) {
        int max = 0;
        for (int i = 0; i < tables; i++) {
            max += capacity(i);
        }
        return max;
    }

    public GeneratedSchema generate() {
        Random random = new Random(seed);
        Random extras = new Random(seed ^ ROUTINE_STREAM);
        int[] fkCounts = distributeForeignKeys(random);
        List<TableName> names = tableNames(random);
        List<ColumnTemplate> templates = ColumnTemplate.optional(schema);
        Counter counter = new Counter();
        List<String> scripts = new ArrayList<>(tables);
        for (int i = 0; i < tables; i++) {
            scripts.add(new TableWriter(i, names, templates, random, counter).write(fkCounts[i], extras));
        }
        List<String> enums = ColumnTemplate.ENUMS.stream().map(this::createEnum).toList();
        List<String> setup = new ArrayList<>(enums);
        setup.addAll(sharedFunctions());
        ExpectedCounts expected = new ExpectedCounts(tables, counter.columns, foreignKeys, counter.indexes,
                counter.uniques, counter.checks, enums.size(), counter.comments,
                SHARED_FUNCTIONS + counter.functions, counter.triggers, counter.views);
        return new GeneratedSchema(seed, setup, scripts, expected);
    }

    private static final int SHARED_FUNCTIONS = 2;

    /** The functions every generated table may use: {@code set_updated_at()} and {@code normalize_code(text)}. */
    private List<String> sharedFunctions() {
        return List.of("CREATE FUNCTION " + Identifiers.qualify(schema, "set_updated_at") + "() RETURNS trigger "
                        + "LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$",
                "CREATE FUNCTION " + Identifiers.qualify(schema, "normalize_code") + "(code text) RETURNS text "
                        + "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT upper(btrim(code)) $$");
    }

    private String createEnum(List<String> definition) {
        String labels = definition.subList(1, definition.size()).stream().map(Identifiers::literal)
                .collect(Collectors.joining(", "));
        return "CREATE TYPE " + Identifiers.qualify(schema, definition.get(0)) + " AS ENUM (" + labels + ")";
    }

    /**
     * Foreign keys per table, summing to exactly {@link #foreignKeys}: a skewed draw around the mean (many
     * tables with few, some with many), then nudged one at a time until the total is exact.
     */
    private int[] distributeForeignKeys(Random random) {
        int[] counts = new int[tables];
        double mean = (double) foreignKeys / tables;
        int total = 0;
        for (int i = 0; i < tables; i++) {
            int drawn = (int) Math.round(-mean * Math.log(1 - random.nextDouble()));
            counts[i] = Math.min(drawn, capacity(i));
            total += counts[i];
        }
        while (total != foreignKeys) {
            int i = random.nextInt(tables);
            if (total < foreignKeys && counts[i] < capacity(i)) {
                counts[i]++;
                total++;
            } else if (total > foreignKeys && counts[i] > 0) {
                counts[i]--;
                total--;
            }
        }
        return counts;
    }

    private static int capacity(int table) {
        return Math.min(table + 1, MAX_FOREIGN_KEYS_PER_TABLE);
    }

    private List<TableName> tableNames(Random random) {
        int width = Math.max(5, Integer.toString(tables).length());
        return IntStream.range(0, tables).mapToObj(i -> {
            String noun = NOUNS.get(random.nextInt(NOUNS.size()));
            String number = String.format(Locale.ROOT, "%0" + width + "d", i + 1);
            return new TableName(MODULES.get(random.nextInt(MODULES.size())) + "_" + noun + "_" + number,
                    noun + "_" + number);
        }).toList();
    }

    /** A table's name and the stem its referencing columns use ({@code customer_00042} → {@code customer_00042_id}). */
    private record TableName(String name, String stem) {
    }

    private static final class Counter {
        int columns;
        int indexes;
        int uniques;
        int checks;
        int comments;
        int functions;
        int triggers;
        int views;
    }

    /** Writes one table's script: CREATE TABLE with its constraints, then indexes and comments. */
    private final class TableWriter {
        private final int index;
        private final List<TableName> names;
        private final List<ColumnTemplate> templates;
        private final Random random;
        private final Counter counter;
        private final String table;
        private final String qualified;
        private final List<String> columns = new ArrayList<>();
        private final List<String> constraints = new ArrayList<>();
        private final List<String> after = new ArrayList<>();
        private final Map<String, Boolean> present = new HashMap<>();

        TableWriter(int index, List<TableName> names, List<ColumnTemplate> templates, Random random,
                    Counter counter) {
            this.index = index;
            this.names = names;
            this.templates = templates;
            this.random = random;
            this.counter = counter;
            this.table = names.get(index).name();
            this.qualified = Identifiers.qualify(schema, table);
        }

        String write(int fkCount, Random extras) {
            // Mostly ALWAYS, sometimes BY DEFAULT, as ORMs and hand-written schemas differ.
            column(q("id") + " bigint GENERATED " + (chance(0.8) ? "ALWAYS" : "BY DEFAULT") + " AS IDENTITY");
            constraints.add("CONSTRAINT " + quotedName("pkey") + " PRIMARY KEY (" + q("id") + ")");
            addColumn(ColumnTemplate.CREATED_AT);
            List<ColumnTemplate> chosen = chooseOptionalColumns();
            chosen.forEach(this::addColumn);
            List<String> fkColumns = addForeignKeys(fkCount);
            addUniques(chosen, fkColumns);
            addSpecialIndexes(fkColumns);
            addComments(chosen);
            addRoutinesAndViews(extras);

            StringBuilder sql = new StringBuilder("CREATE TABLE ").append(qualified).append(" (\n  ");
            List<String> body = new ArrayList<>(columns);
            body.addAll(constraints);
            sql.append(String.join(",\n  ", body)).append("\n);\n");
            after.forEach(statement -> sql.append(statement).append(";\n"));
            return sql.toString();
        }

        private List<ColumnTemplate> chooseOptionalColumns() {
            int count = MIN_OPTIONAL_COLUMNS + random.nextInt(MAX_OPTIONAL_COLUMNS - MIN_OPTIONAL_COLUMNS + 1);
            List<Integer> order = new ArrayList<>(IntStream.range(0, templates.size()).boxed().toList());
            Collections.shuffle(order, random);
            // Template order, not draw order, so tables read naturally (name before notes before timestamps).
            return order.subList(0, count).stream().sorted().map(templates::get).toList();
        }

        private void addColumn(ColumnTemplate template) {
            StringBuilder definition = new StringBuilder(template.quotedName()).append(' ').append(template.type());
            if (chance(template.notNullChance())) {
                definition.append(" NOT NULL");
            }
            if (template.defaultSql() != null) {
                definition.append(" DEFAULT ").append(template.defaultSql());
            }
            column(definition.toString());
            present.put(template.name(), true);
            if (template.check() != null && chance(0.4)) {
                constraints.add("CONSTRAINT " + quotedName(template.name() + "_check") + " CHECK ("
                        + String.format(Locale.ROOT, template.check(), template.quotedName()) + ")");
                counter.checks++;
            }
        }

        private List<String> addForeignKeys(int count) {
            List<String> fkColumns = new ArrayList<>();
            Set<Integer> targets = new HashSet<>();
            for (int k = 0; k < count; k++) {
                int target = newTarget(targets);
                targets.add(target);
                String columnName = (target == index ? "parent" : names.get(target).stem()) + "_id";
                fkColumns.add(columnName);
                String quoted = q(columnName);
                boolean notNull = target != index && chance(0.6);
                column(quoted + " bigint" + (notNull ? " NOT NULL" : ""));
                String onDelete = notNull ? (chance(0.5) ? " ON DELETE CASCADE" : " ON DELETE RESTRICT")
                        : (chance(0.5) ? " ON DELETE SET NULL" : "");
                constraints.add("CONSTRAINT " + quotedName(columnName + "_fkey") + " FOREIGN KEY (" + quoted
                        + ") REFERENCES " + Identifiers.qualify(schema, names.get(target).name()) + " (" + q("id") + ")"
                        + onDelete);
                if (chance(0.85)) { // most foreign-key columns are indexed; the rest are what linters flag
                    index(columnName + "_idx", "(" + quoted + ")");
                }
            }
            return fkColumns;
        }

        /** A table this one does not reference yet; there is one, as table i gets at most i + 1 edges. */
        private int newTarget(Set<Integer> taken) {
            for (int attempt = 0; attempt < ATTEMPTS_AT_A_NEW_TARGET; attempt++) {
                // A few tables reference themselves (trees: parent_id); the first table can do nothing else.
                int target = index == 0 || chance(0.015) ? index : earlierTable();
                if (!taken.contains(target)) {
                    return target;
                }
            }
            for (int target = index - 1; target >= 0; target--) {
                if (!taken.contains(target)) {
                    return target;
                }
            }
            return index;
        }

        /** Half the edges go to hub tables near the start, half to recent neighbours in the same area. */
        private int earlierTable() {
            if (chance(0.5)) {
                double u = random.nextDouble();
                return (int) (index * u * u * u);
            }
            return index - 1 - random.nextInt(Math.min(index, 50));
        }

        private void addUniques(List<ColumnTemplate> chosen, List<String> fkColumns) {
            for (ColumnTemplate template : chosen) {
                if (template.uniqueChance() == 0 || !chance(template.uniqueChance())) {
                    continue;
                }
                if (template.name().equals("code") && !fkColumns.isEmpty() && chance(0.4)) {
                    // A code unique within its parent: a composite key.
                    String parent = fkColumns.get(0);
                    constraints.add("CONSTRAINT " + quotedName(parent + "_code_key") + " UNIQUE ("
                            + q(parent) + ", " + template.quotedName() + ")");
                } else {
                    constraints.add("CONSTRAINT " + quotedName(template.name() + "_key") + " UNIQUE ("
                            + template.quotedName() + ")");
                }
                counter.uniques++;
            }
        }

        private void addSpecialIndexes(List<String> fkColumns) {
            if (!fkColumns.isEmpty() && chance(0.15)) {
                String parent = fkColumns.get(0);
                index(parent + "_recent_idx", "(" + q(parent) + ", " + q("created_at") + " DESC)");
            }
            if (has("deleted_at") && chance(0.5)) {
                index("live_idx", "(" + q("created_at") + ") WHERE " + q("deleted_at") + " IS NULL");
            }
            if (has("status") && chance(0.4)) {
                index("active_idx", "(" + q("created_at") + ") WHERE " + q("status") + " = 'active'");
            }
            if (has("email") && chance(0.5)) {
                index("email_lower_idx", "(lower(" + q("email") + "))");
            }
            if (has("name") && chance(0.2)) {
                index("name_lower_idx", "(lower(" + q("name") + ") text_pattern_ops)");
            }
            if (has("metadata") && chance(0.2)) {
                index("metadata_idx", "USING gin (" + q("metadata") + ")");
            }
        }

        private void addComments(List<ColumnTemplate> chosen) {
            if (chance(0.08)) {
                after.add("COMMENT ON TABLE " + qualified + " IS "
                        + Identifiers.literal("Generated model #" + (index + 1) + " (" + table + ")"));
                counter.comments++;
            }
            for (ColumnTemplate template : chosen) {
                if (chance(0.02)) {
                    after.add("COMMENT ON COLUMN " + qualified + "." + template.quotedName() + " IS "
                            + Identifiers.literal("The " + template.name() + " of a " + table + " row"));
                    counter.comments++;
                }
            }
        }

        /** A lookup function, an updated_at trigger and a view of the live rows, each now and then. */
        private void addRoutinesAndViews(Random extras) {
            if (extras.nextDouble() < FUNCTION_SHARE) {
                String label = has("name") ? q("name") : has("code") ? q("code") : q("id") + "::text";
                after.add("CREATE FUNCTION " + Identifiers.qualify(schema, table + "_label") + "(row_id bigint) "
                        + "RETURNS text LANGUAGE sql STABLE AS $$ SELECT " + label + " FROM " + qualified + " WHERE "
                        + q("id") + " = row_id $$");
                counter.functions++;
            }
            if (has("updated_at") && extras.nextDouble() < TRIGGER_SHARE) {
                after.add("CREATE TRIGGER " + quotedName("touch") + " BEFORE UPDATE ON " + qualified
                        + " FOR EACH ROW EXECUTE FUNCTION " + Identifiers.qualify(schema, "set_updated_at") + "()");
                counter.triggers++;
            }
            if (extras.nextDouble() < VIEW_SHARE) {
                String live = has("deleted_at") ? " WHERE " + q("deleted_at") + " IS NULL" : "";
                after.add("CREATE VIEW " + Identifiers.qualify(schema, table.length() > 58 ? table.substring(0, 58)
                        + "_live" : table + "_live") + " AS SELECT " + q("id") + ", " + q("created_at") + " FROM "
                        + qualified + live);
                counter.views++;
            }
        }

        private void column(String definition) {
            columns.add(definition);
            counter.columns++;
        }

        private void index(String suffix, String keysAndPredicate) {
            after.add("CREATE INDEX " + quotedName(suffix) + " ON " + qualified + " " + keysAndPredicate);
            counter.indexes++;
        }

        private static String q(String identifier) {
            return Identifiers.quote(identifier);
        }

        private boolean has(String column) {
            return present.containsKey(column);
        }

        private boolean chance(double probability) {
            return random.nextDouble() < probability;
        }

        /**
         * {@code <table>_<suffix>}, lower case; when that would pass PostgreSQL's 63-byte limit (and be silently
         * cut, risking clashes) the suffix is replaced by a stable hash of itself.
         */
        private String quotedName(String suffix) {
            String name = table + "_" + suffix.toLowerCase(Locale.ROOT);
            if (name.length() > MAX_IDENTIFIER_LENGTH) {
                name = table + "_" + Integer.toUnsignedString(suffix.hashCode(), 36);
            }
            return Identifiers.quote(name);
        }
    }
}
