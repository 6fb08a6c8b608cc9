package dev.zanith.api.ops;

import dev.zanith.api.exception.ZanithException;
import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/**
 * Hand-written SQL the planner cannot reason about (reviewed by hand; verify classifies it by observation). How it
 * runs — one transaction, or statement by statement — and what is refused is decided by {@link RawSqlScript}.
 *
 * @param transactional whether it runs in one transaction; null means decided by the SQL's header directive
 *                      ({@value RawSqlScript#DIRECTIVE} opts out; otherwise one transaction)
 */
public record RawSql(String sql, @Nullable Boolean transactional) implements Operation {

    public RawSql {
        Require.present(sql, "rawSql", "sql");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.RAW_SQL;
    }

    @Override
    public @Nullable TableName target() {
        return null;
    }

    /** The lexed statements and the decision how they run (lexed on each call: keep the result if you need it twice). */
    public RawSqlScript script() {
        return RawSqlScript.of(sql, transactional);
    }

    /** Whether the SQL runs inside one transaction. */
    public boolean runsInTransaction() {
        return script().transactional();
    }

    /**
     * Each statement of the SQL on its own (COPY data attached), so errors point at one statement.
     *
     * @throws ZanithException when the script cannot run (see {@link RawSqlScript#problem()}); the loader refuses
     *                         such a file before anything is rendered
     */
    @Override
    public Statements render(RenderContext context) {
        RawSqlScript script = script();
        script.problem().ifPresent(p -> {
            throw new ZanithException("raw SQL line " + p.line() + ": " + p.message());
        });
        return script.render();
    }

    @Override
    public Reversal reverse() {
        return Reversal.irreversible("raw SQL has no computed reversal; write its undo by hand");
    }

    /** The first line of the SQL, and how many statements run how when there is more than one or it opted out. */
    @Override
    public String summary() {
        String firstLine = sql.strip().lines().filter(l -> !l.isBlank() && !l.strip().startsWith("--")).findFirst().orElse("");
        RawSqlScript script = script();
        int count = script.statements().size();
        String shape = script.problem().isPresent() ? "" : !script.transactional()
                ? " (" + count + (count == 1 ? " statement" : " statements") + ", each committed on its own)"
                : count > 1 ? " (" + count + " statements in one transaction)" : "";
        return "raw sql: " + (firstLine.length() > 70 ? firstLine.substring(0, 67) + "..." : firstLine) + shape;
    }
}
