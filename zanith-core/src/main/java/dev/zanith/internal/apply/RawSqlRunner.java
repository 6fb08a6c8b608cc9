package dev.zanith.internal.apply;

import dev.zanith.api.exception.LockLostException;
import dev.zanith.internal.step.Fence;
import dev.zanith.internal.step.StepExecutor;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.audit.Checkpoint;
import dev.zanith.internal.audit.Checkpoints;
import dev.zanith.internal.Checksums;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.sql.SqlResources;
import dev.zanith.internal.sql.SqlScript;
import dev.zanith.internal.sql.StatementErrors;
import dev.zanith.internal.sql.StatementKinds;
import dev.zanith.api.migration.Migration;
import dev.zanith.api.ops.RawSql;
import dev.zanith.api.ops.RawSqlScript;
import dev.zanith.api.ops.Statements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a raw SQL step as its {@link RawSqlScript} decided.
 *
 * <p>In one transaction: every statement (COPY data through the COPY protocol) and then the step's "done" audit
 * write, all committed together or not at all.
 *
 * <p>Statement by statement (the {@value RawSqlScript#DIRECTIVE} opt-out): a statement that can run in a
 * transaction runs in one together with its checkpoint in {@code _zanith_migration_checkpoints} (cursor
 * {@code {"statement": n, "ran": "<sha-256 of statements 1..n>"}}, {@code processed_rows} = n), so it is done
 * exactly once however the process dies. A statement that cannot ({@code CREATE INDEX CONCURRENTLY}, VACUUM, ...)
 * and a CALL (whose procedure may commit) run in autocommit and are checkpointed right after; after a crash in
 * between, the re-run finds a named index that a {@code CREATE INDEX CONCURRENTLY} left VALID and counts it
 * done, or INVALID and drops it before building it again. A re-run starts at the first statement not
 * checkpointed, and refuses to when the statements that ran were edited since.
 *
 * <p>A failing statement is reported as an {@link SQLException} with the server's SQLSTATE whose message names
 * the file and line, quotes the statement and carries PostgreSQL's message.
 */
final class RawSqlRunner {

    private static final Logger LOG = LoggerFactory.getLogger(RawSqlRunner.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StepExecutor executor;
    private final Checkpoints checkpoints;
    private final Fence fence;

    /** {@code fence} is checked in every transaction that writes a statement checkpoint. */
    RawSqlRunner(StepExecutor executor, Checkpoints checkpoints, Fence fence) {
        this.executor = executor;
        this.checkpoints = checkpoints;
        this.fence = fence;
    }

    void run(Connection c, Migration migration, int stepIndex, RawSql raw, StepExecutor.InTransaction done,
             StepExecutor.RetryListener retries) throws SQLException {
        RawSqlScript script = raw.script();
        script.problem().ifPresent(p -> {
            throw new ZanithException(migration.sqlLocation(stepIndex, p.line()) + ": " + p.message());
        });
        try {
            run(c, migration, stepIndex, script, raw.render(null), done, retries);
        } finally {
            if (script.statements().stream().anyMatch(s -> s.words(8).contains("standard_conforming_strings"))) {
                // the next file is lexed with the default, so the session must have it again (psql would start a
                // new session for it)
                Jdbc.execute(c, "RESET standard_conforming_strings");
            }
        }
    }

    private void run(Connection c, Migration migration, int stepIndex, RawSqlScript script, Statements statements,
                     StepExecutor.InTransaction done, StepExecutor.RetryListener retries) throws SQLException {
        if (script.transactional()) {
            Optional<Checkpoint> earlier = checkpoints.get(c, migration.id(), stepIndex);
            if (earlier.isPresent() && earlier.get().processedRows() > 0) {
                // an earlier, opted-out run committed statements one by one: running the file again as one
                // transaction would repeat them
                throw new ZanithException(migration.location() + " (step " + stepIndex + "): "
                        + earlier.get().processedRows() + " statement(s) of this file already ran one by one in an "
                        + "earlier apply (" + RawSqlScript.DIRECTIVE + "), but it now runs as one transaction, which "
                        + "would run them again. Put the directive back (the re-run resumes after them), or move the "
                        + "statements that did not run yet into a new migration.");
            }
            executor.inTransaction(c, statements.longRunning(), tx -> {
                for (int i = 0; i < statements.sql().size(); i++) {
                    runOne(tx, migration, stepIndex, script, i, statements);
                }
                done.run(tx);
                return null;
            }, retries);
            return;
        }
        List<SqlScript.Statement> lexed = script.statements();
        int from = resumePoint(c, migration, stepIndex, lexed);
        for (int i = from; i < lexed.size(); i++) {
            int next = i + 1;
            int index = i;
            StepExecutor.InTransaction checkpoint = tx -> {
                fence.check(tx);
                save(tx, migration, stepIndex, lexed, next, Checkpoints.RUNNING);
            };
            SqlScript.Statement statement = lexed.get(i);
            if (StatementKinds.cannotRunInTransaction(statement) != null || StatementKinds.isCall(statement)) {
                Optional<ConcurrentIndexes.Ref> index0 = i == from ? indexBuiltBy(c, statement) : Optional.empty();
                if (index0.isPresent() && ConcurrentIndexes.state(c, index0.get()) == ConcurrentIndexes.State.VALID) {
                    LOG.info("Index {} was built by an earlier run of statement {} of {} step {}; counting it done",
                            index0.get().sql(), next, migration.id(), stepIndex);
                    Jdbc.inTransaction(c, tx -> {
                        checkpoint.run(tx);
                        return null;
                    });
                    continue;
                }
                StepExecutor.BeforeAttempt beforeAttempt = index0.<StepExecutor.BeforeAttempt>map(ref ->
                        (conn, attempt) -> ConcurrentIndexes.dropIfInvalid(conn, executor, ref))
                        .orElse(StepExecutor.BeforeAttempt.NOTHING);
                try {
                    executor.execute(c, statements.only(i), beforeAttempt, checkpoint, retries);
                } catch (SQLException e) {
                    throw located(e, migration, stepIndex, script, i);
                }
            } else {
                executor.inTransaction(c, statements.longRunning(), tx -> {
                    runOne(tx, migration, stepIndex, script, index, statements);
                    checkpoint.run(tx);
                    return null;
                }, retries);
            }
        }
        Jdbc.inTransaction(c, tx -> {
            save(tx, migration, stepIndex, lexed, lexed.size(), Checkpoints.DONE);
            done.run(tx);
            return null;
        });
    }

    /** Marks the statement checkpoint of a failed step failed (its cursor stays where the re-run resumes). */
    void failed(Connection c, String migrationId, int stepIndex) {
        try {
            Jdbc.inTransaction(c, tx -> {
                fence.check(tx);
                checkpoints.setStatus(tx, migrationId, stepIndex, Checkpoints.FAILED);
                return null;
            });
        } catch (SQLException | LockLostException e) {
            LOG.warn("Could not mark the statement checkpoint of {} step {} failed: {}", migrationId, stepIndex,
                    e.getMessage());
        }
    }

    private static void runOne(Connection tx, Migration migration, int stepIndex, RawSqlScript script, int i,
                               Statements statements) throws SQLException {
        try {
            Jdbc.executeStatement(tx, statements.sql().get(i), statements.copyData(i));
        } catch (SQLException e) {
            throw located(e, migration, stepIndex, script, i);
        }
    }

    private static SQLException located(SQLException e, Migration migration, int stepIndex, RawSqlScript script,
                                        int i) {
        SqlScript.Statement statement = script.statements().get(i);
        String message = StatementErrors.describe(script.script(), statement,
                p -> migration.format() == Migration.Format.SQL ? migration.location() + ":" + p
                        : migration.sqlLocation(stepIndex, p.line()), e);
        return new SQLException(message, e.getSQLState(), e);
    }

    /**
     * The index of the first statement to run: after the checkpointed ones, provided those are unchanged.
     *
     * @throws ZanithException when statements that already ran were edited, removed or reordered
     */
    private int resumePoint(Connection c, Migration migration, int stepIndex, List<SqlScript.Statement> lexed)
            throws SQLException {
        Optional<Checkpoint> saved = checkpoints.get(c, migration.id(), stepIndex);
        if (saved.isEmpty() || saved.get().cursor() == null) {
            return 0;
        }
        JsonNode cursor = JSON.readTree(saved.get().cursor());
        int ran = cursor.path("statement").asInt(0);
        String hash = cursor.path("ran").asString("");
        if (ran > lexed.size() || !hash.equals(hash(lexed, ran))) {
            throw new ZanithException(migration.location() + " (step " + stepIndex + "): the first "
                    + ran + " statement(s) of this file already ran (each committed on its own, "
                    + RawSqlScript.DIRECTIVE + "), but they are no longer the same. Statements that ran cannot change: "
                    + "restore them as they ran and change only the statements after them, or put the change in a "
                    + "new migration.");
        }
        if (ran > 0) {
            LOG.info("Resuming {} step {} at statement {} of {} (the ones before it ran in an earlier apply)",
                    migration.id(), stepIndex, ran + 1, lexed.size());
        }
        return ran;
    }

    private void save(Connection tx, Migration migration, int stepIndex, List<SqlScript.Statement> lexed, int ran,
                      String status) throws SQLException {
        String cursor = JSON.writeValueAsString(Map.of("statement", ran, "ran", hash(lexed, ran)));
        checkpoints.save(tx, migration.id(), stepIndex, new Checkpoint(cursor, ran, (long) lexed.size(), status));
    }

    /** The SHA-256 of the first {@code count} statements' text (and COPY data), in hex. */
    private static String hash(List<SqlScript.Statement> statements, int count) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            SqlScript.Statement s = statements.get(i);
            bytes.writeBytes(s.sql().getBytes(StandardCharsets.UTF_8));
            bytes.write(0);
            if (s.copyData() != null) {
                bytes.writeBytes(s.copyData().getBytes(StandardCharsets.UTF_8));
            }
            bytes.write(0);
        }
        return Checksums.sha256Hex(bytes.toByteArray());
    }

    /**
     * The index a {@code CREATE [UNIQUE] INDEX CONCURRENTLY [IF NOT EXISTS] name ON [ONLY] table} statement
     * builds, its schema found from the table on the server; empty for any other statement, an unnamed index or
     * a table that does not exist.
     */
    private static Optional<ConcurrentIndexes.Ref> indexBuiltBy(Connection c, SqlScript.Statement statement)
            throws SQLException {
        List<String> tokens = statement.tokens(40);
        List<String> lower = tokens.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
        int concurrently = lower.indexOf("concurrently");
        int on = lower.indexOf("on");
        if (lower.isEmpty() || !lower.get(0).equals("create") || !lower.contains("index") || concurrently < 0
                || on < 0 || on < concurrently) {
            return Optional.empty();
        }
        int name = concurrently + 1;
        if (lower.size() > name + 2 && lower.get(name).equals("if") && lower.get(name + 1).equals("not")) {
            name += 3;
        }
        if (name != on - 1) {
            return Optional.empty(); // unnamed: the server picks the name
        }
        int table = on + 1;
        if (table < lower.size() && lower.get(table).equals("only")) {
            table++;
        }
        StringBuilder tableName = new StringBuilder();
        while (table < tokens.size() && (tableName.isEmpty() || tokens.get(table).equals(".")
                || tokens.get(table - 1).equals("."))) {
            tableName.append(tokens.get(table++));
        }
        Optional<String> schema = Jdbc.queryFirst(c, SqlResources.get("apply/relation-schema.sql"),
                rs -> rs.getString(1), tableName.toString());
        return schema.map(s -> new ConcurrentIndexes.Ref(s, identifier(tokens.get(on - 1))));
    }

    /** An identifier token as the catalog stores it: quoted ones unquoted, unquoted ones lower-cased. */
    private static String identifier(String token) {
        return token.startsWith("\"") ? token.substring(1, token.length() - 1).replace("\"\"", "\"")
                : token.toLowerCase(Locale.ROOT);
    }
}
