package dev.zanith.api.ops;

import dev.zanith.internal.sql.SqlFragments;
import dev.zanith.api.schema.CheckConstraint;
import dev.zanith.api.schema.Column;
import dev.zanith.api.schema.ForeignKey;
import dev.zanith.api.schema.Index;
import dev.zanith.api.schema.Policy;
import dev.zanith.api.schema.SequenceOptions;
import dev.zanith.api.schema.Table;
import dev.zanith.api.schema.View;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The fields of typed operations whose text goes into the rendered SQL as written (expressions, index keys,
 * column types, keywords), so that each can be checked to be exactly one fragment of its kind before anything
 * runs. Identifiers are not listed: they are always quoted.
 */
public final class SqlFields {

    /**
     * One SQL-text field.
     *
     * @param path    where it is in the operation, as written in files: {@code column.defaultExpression},
     *                {@code set.score}, {@code index.keys[2]}
     * @param text    the SQL text
     * @param keyword true for keyword fields (words only), false for expressions, keys and types
     * @param query   true for a view's query (one query: commas allowed, a second statement not)
     */
    public record Field(String path, String text, boolean keyword, boolean query) {

        public Field(String path, String text, boolean keyword) {
            this(path, text, keyword, false);
        }

        /** Why the text is not one fragment of its kind, or empty. */
        public Optional<String> problem() {
            return keyword ? SqlFragments.wordsProblem(text)
                    : query ? SqlFragments.queryProblem(text) : SqlFragments.problem(text);
        }
    }

    private SqlFields() {
    }

    /** The first field of {@code operation} whose text is not one fragment, with why, or empty. */
    public static Optional<String> firstProblem(Operation operation) {
        for (Field field : of(operation)) {
            Optional<String> problem = field.problem();
            if (problem.isPresent()) {
                return Optional.of(field.path() + " " + problem.get());
            }
        }
        return Optional.empty();
    }

    /** Every SQL-text field of {@code operation} that is set, in file order. */
    public static List<Field> of(Operation operation) {
        List<Field> fields = new ArrayList<>();
        if (operation instanceof AddColumn op) {
            column(fields, "column", op.column());
        } else if (operation instanceof CreateTable op) {
            table(fields, "table", op.table());
        } else if (operation instanceof AddCheckConstraint op) {
            check(fields, "constraint", op.constraint());
        } else if (operation instanceof AddForeignKey op) {
            foreignKey(fields, "foreignKey", op.foreignKey());
        } else if (operation instanceof AddIndex op) {
            index(fields, "index", op.index());
        } else if (operation instanceof AlterColumnType op) {
            add(fields, "type", op.type(), false);
            add(fields, "using", op.using(), false);
        } else if (operation instanceof SetDefault op) {
            add(fields, "expression", op.expression(), false);
        } else if (operation instanceof Backfill op) {
            for (Map.Entry<String, String> entry : op.set().entrySet()) {
                add(fields, "set." + entry.getKey(), entry.getValue(), false);
            }
            add(fields, "where", op.where(), false);
        } else if (operation instanceof CreatePolicy op) {
            policy(fields, "policy", op.policy());
        } else if (operation instanceof CreateSequence op) {
            sequence(fields, "sequence.options", op.sequence().options());
        } else if (operation instanceof AlterSequence op) {
            sequence(fields, "options", op.options());
        } else if (operation instanceof CreateView op) {
            view(fields, "view", op.view());
        } else if (operation instanceof ReplaceView op) {
            view(fields, "view", op.view());
        } else if (operation instanceof CreateMaterializedView op) {
            view(fields, "view", op.view());
        }
        return fields;
    }

    private static void table(List<Field> fields, String path, Table table) {
        for (int i = 0; i < table.columns().size(); i++) {
            column(fields, path + ".columns[" + i + "]", table.columns().get(i));
        }
        for (int i = 0; i < table.checkConstraints().size(); i++) {
            check(fields, path + ".checkConstraints[" + i + "]", table.checkConstraints().get(i));
        }
        for (int i = 0; i < table.foreignKeys().size(); i++) {
            foreignKey(fields, path + ".foreignKeys[" + i + "]", table.foreignKeys().get(i));
        }
        for (int i = 0; i < table.indexes().size(); i++) {
            index(fields, path + ".indexes[" + i + "]", table.indexes().get(i));
        }
        for (int i = 0; i < table.policies().size(); i++) {
            policy(fields, path + ".policies[" + i + "]", table.policies().get(i));
        }
    }

    private static void column(List<Field> fields, String path, Column column) {
        add(fields, path + ".type", column.type(), false);
        add(fields, path + ".defaultExpression", column.defaultExpression(), false);
        if (column.generated() != null) {
            add(fields, path + ".generated.expression", column.generated().expression(), false);
        }
        if (column.identity() != null) {
            sequence(fields, path + ".identity.sequence", column.identity().sequence());
        }
    }

    private static void check(List<Field> fields, String path, CheckConstraint check) {
        add(fields, path + ".expression", check.expression(), false);
    }

    private static void foreignKey(List<Field> fields, String path, ForeignKey fk) {
        add(fields, path + ".match", fk.match(), true);
        add(fields, path + ".onUpdate", fk.onUpdate(), true);
        add(fields, path + ".onDelete", fk.onDelete(), true);
    }

    private static void index(List<Field> fields, String path, Index index) {
        add(fields, path + ".method", index.method(), true);
        for (int i = 0; i < index.keys().size(); i++) {
            add(fields, path + ".keys[" + i + "]", index.keys().get(i), false);
        }
        for (int i = 0; i < index.storageParameters().size(); i++) {
            add(fields, path + ".storageParameters[" + i + "]", index.storageParameters().get(i), false);
        }
        add(fields, path + ".predicate", index.predicate(), false);
    }

    private static void policy(List<Field> fields, String path, Policy policy) {
        add(fields, path + ".command", policy.command(), true);
        add(fields, path + ".using", policy.using(), false);
        add(fields, path + ".withCheck", policy.withCheck(), false);
    }

    private static void view(List<Field> fields, String path, View view) {
        fields.add(new Field(path + ".definition", view.definition(), false, true));
        for (int i = 0; i < view.options().size(); i++) {
            add(fields, path + ".options[" + i + "]", view.options().get(i), false);
        }
        for (int i = 0; i < view.indexes().size(); i++) {
            index(fields, path + ".indexes[" + i + "]", view.indexes().get(i));
        }
    }

    private static void sequence(List<Field> fields, String path, @Nullable SequenceOptions options) {
        if (options != null) {
            add(fields, path + ".dataType", options.dataType(), false);
        }
    }

    private static void add(List<Field> fields, String path, @Nullable String text, boolean keyword) {
        if (text != null) {
            fields.add(new Field(path, text, keyword));
        }
    }
}
