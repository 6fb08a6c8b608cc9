package dev.zanith.internal.plan;

import dev.zanith.api.output.GateResult;
import dev.zanith.api.output.Gates;
import dev.zanith.api.output.MigrationPlan;
import dev.zanith.api.output.Plan;
import dev.zanith.api.output.PlannedStep;
import dev.zanith.api.output.PreflightResult;
import dev.zanith.api.output.Refusal;
import dev.zanith.api.output.Verdict;
import dev.zanith.internal.audit.AuditLog;
import dev.zanith.internal.audit.AuditTables;
import dev.zanith.internal.audit.MigrationHistory;
import dev.zanith.internal.audit.MigrationState;
import dev.zanith.api.output.StepStatus;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.sql.SqlResources;
import dev.zanith.internal.introspect.CatalogFacts;
import dev.zanith.internal.introspect.IntrospectionOptions;
import dev.zanith.internal.introspect.Introspector;
import dev.zanith.internal.introspect.PendingDetaches;
import dev.zanith.api.migration.Migration;
import dev.zanith.api.ops.AddColumn;
import dev.zanith.api.ops.DetachPartition;
import dev.zanith.api.ops.DropColumn;
import dev.zanith.api.ops.DropTable;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.ops.RenderContext;
import dev.zanith.api.risk.Assessment;
import dev.zanith.api.risk.DataRef;
import dev.zanith.internal.risk.FunctionCalls;
import dev.zanith.internal.risk.RiskContext;
import dev.zanith.internal.risk.RiskModel;
import dev.zanith.api.risk.Volatility;
import dev.zanith.api.schema.LiveSchema;
import dev.zanith.api.schema.TableName;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code zanith plan}: loads the pending migrations (the ledger says which; a missing ledger is empty history,
 * and nothing is created), introspects the live database, classifies every step in context, runs the
 * preflight data checks and applies the gates — all in one read-only transaction with a statement timeout,
 * so it can neither write nor lock more than a plain SELECT does.
 *
 * <p>Usable on an existing connection (apply re-plans inside its lock): with auto-commit on, the planner runs
 * its own READ ONLY, REPEATABLE READ transaction and rolls it back; inside the caller's transaction it works in
 * a savepoint it rolls back, leaving the caller's settings as they were.
 */
public final class Planner {

    /** How long one preflight query (and the whole introspection) may take. */
    public static final Duration DEFAULT_PREFLIGHT_TIMEOUT = Duration.ofSeconds(30);

    private final IntrospectionOptions introspection;
    private final AuditTables auditTables;
    private final String archiveSchema;
    private final Gates gates;
    private final Duration timeout;

    /**
     * @param introspection what to read (schemas; the prefix also names parked objects when rendering)
     * @param auditTables   where the ledger lives
     * @param archiveSchema where archive steps move data (for rendering their SQL)
     * @param gates         the budget
     * @param timeout       statement timeout of every query the planner runs
     */
    public Planner(IntrospectionOptions introspection, AuditTables auditTables, String archiveSchema, Gates gates,
                   Duration timeout) {
        this.introspection = introspection;
        this.auditTables = auditTables;
        this.archiveSchema = archiveSchema;
        this.gates = gates;
        this.timeout = timeout;
    }

    public Gates gates() {
        return gates;
    }

    /** Plans the migrations in {@code files} that the database behind {@code c} has not applied yet. */
    public Plan plan(Connection c, List<Migration> files) throws SQLException {
        boolean own = c.getAutoCommit();
        Savepoint savepoint = null;
        if (own) {
            c.setAutoCommit(false);
            Jdbc.execute(c, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        } else {
            savepoint = c.setSavepoint();
        }
        try {
            return planInTransaction(c, files);
        } finally {
            if (own) {
                try {
                    c.rollback();
                } finally {
                    c.setAutoCommit(true);
                }
            } else {
                c.rollback(savepoint);
            }
        }
    }

    private Plan planInTransaction(Connection c, List<Migration> files) throws SQLException {
        String ms = Long.toString(timeout.toMillis());
        Session session = Jdbc.queryFirst(c, SqlResources.get("plan/session.sql"),
                rs -> new Session("on".equals(rs.getString("read_only")), rs.getString("time_zone")), ms, ms)
                .orElseThrow();
        LiveSchema live = new Introspector(introspection.skippingMissingSchemas()).introspect(c);
        MigrationHistory history = new MigrationHistory(auditTables);
        MigrationState state = MigrationState.read(c, history, files);
        boolean ledger = history.exists(c);
        AuditLog audit = new AuditLog(auditTables);

        RiskContext.Builder facts = RiskContext.builder().server(live.server()).live(live.graph())
                .statistics(live.statistics()).utcSession(isUtc(session.timeZone()));
        if (!state.pending().isEmpty()) {
            // Catalog facts only the classification of pending steps reads: nothing pending, nothing to read.
            facts.volatility(volatility(c, state.pending())).domains(CatalogFacts.domains(c))
                    .views(CatalogFacts.viewUses(c)).exclusions(CatalogFacts.exclusionUses(c));
        }
        RiskContext ctx = facts.build();
        Preflight preflight = new Preflight(live.graph(), live.server(), timeout);
        Map<DataRef, Optional<Boolean>> measured = new HashMap<>();
        List<MigrationPlan> migrations = new ArrayList<>();
        List<String> warnings = new ArrayList<>(PendingDetaches.warnings(live.graph(), state.pending()));
        List<PendingDetaches.Found> pendingDetaches = PendingDetaches.in(live.graph());
        for (Migration migration : state.pending()) {
            Map<Integer, StepStatus> statuses = ledger ? audit.stepStatuses(c, migration.id()) : Map.of();
            List<PlannedStep> steps = new ArrayList<>();
            List<Operation> operations = migration.operations();
            for (int i = 0; i < operations.size(); i++) {
                Operation op = operations.get(i);
                int index = i + 1;
                boolean done = statuses.get(index) == StepStatus.DONE;
                List<String> statements;
                String renderProblem = null;
                try {
                    statements = op.render(new RenderContext(migration.id(), index, introspection.excludedPrefix(),
                            archiveSchema)).sql();
                    if (!done && op instanceof DetachPartition detach
                            && pendingDetaches.stream().anyMatch(p -> PendingDetaches.completes(op, p))) {
                        statements = detach.finalizePending().sql(); // what apply runs for a detach left pending
                    }
                } catch (RuntimeException e) {
                    statements = List.of();
                    renderProblem = "cannot be rendered: " + e.getMessage();
                }
                if (!done && renderProblem == null) {
                    ServerParse.check(c, migration, index, op, statements);
                }
                List<PreflightResult> results = new ArrayList<>();
                if (!done) {
                    ctx = measure(c, preflight, ctx, op, measured, results);
                    results.addAll(preflight.check(c, op, ctx));
                }
                Assessment assessment = RiskModel.classify(op, ctx);
                if (renderProblem != null) {
                    List<String> notes = new ArrayList<>(assessment.notes());
                    notes.add(renderProblem);
                    assessment = new Assessment(assessment.kind(), assessment.level(), assessment.score(),
                            assessment.reasons(), assessment.facts(), notes, assessment.hint());
                    warnings.add(migration.id() + " #" + index + " " + renderProblem);
                }
                PlannedStep step = new PlannedStep(migration.id(), index, op, statements, assessment, results, done);
                for (PreflightResult r : results) {
                    if (r.status() == PreflightResult.Status.INCONCLUSIVE) {
                        warnings.add(step.label() + " preflight " + r.check().id() + ": " + r.message());
                    }
                }
                steps.add(step);
                ctx = ctx.after(op);
            }
            migrations.add(new MigrationPlan(migration.id(), migration.description(), migration.location(), steps));
        }
        List<PlannedStep> all = migrations.stream().flatMap(m -> m.toRun().stream()).toList();
        List<GateResult> gateResults = GateKeeper.evaluate(all, gates);
        Refusal refusal = GateKeeper.refusal(gateResults);
        return new Plan(live.database(), live.server(), live.fingerprint(), session.readOnly(), Instant.now(), gates,
                migrations, gateResults, refusal == null ? Verdict.GREEN : Verdict.REFUSED, refusal, warnings);
    }

    /**
     * Measures what the risk model needs about the data a step touches: whether each live table it touches has
     * rows (size class) and, for a hard drop, whether the dropped table or column holds data.
     */
    private static RiskContext measure(Connection c, Preflight preflight, RiskContext ctx, Operation op,
                                       Map<DataRef, Optional<Boolean>> measured, List<PreflightResult> results)
            throws SQLException {
        Set<TableName> tables = new LinkedHashSet<>();
        if (op.target() != null) {
            tables.add(op.target());
        }
        tables.addAll(op.alsoTouches());
        for (TableName table : tables) {
            Optional<TableName> liveName = ctx.liveTable(table);
            if (liveName.isEmpty()) {
                continue;
            }
            DataRef ref = DataRef.table(liveName.get());
            Optional<Boolean> holds = probe(c, preflight, ref, measured);
            if (holds.isPresent()) {
                ctx = ctx.withHoldsData(ref, holds.get());
            }
            if (op instanceof DropTable && table.equals(op.target())) {
                results.add(preflight.holdsDataResult(ref, holds, ctx.sizeNote(table)));
            }
        }
        if (op instanceof DropColumn drop) {
            Optional<TableName> liveTable = ctx.liveTable(drop.table());
            Optional<String> liveColumn = ctx.liveColumn(drop.table(), drop.column());
            if (liveTable.isPresent() && liveColumn.isPresent()) {
                DataRef ref = DataRef.column(liveTable.get(), liveColumn.get());
                Optional<Boolean> holds = probe(c, preflight, ref, measured);
                if (holds.isPresent()) {
                    ctx = ctx.withHoldsData(ref, holds.get());
                }
                results.add(preflight.holdsDataResult(ref, holds, ctx.sizeNote(drop.table())));
            }
        }
        return ctx;
    }

    private static Optional<Boolean> probe(Connection c, Preflight preflight, DataRef ref,
                                           Map<DataRef, Optional<Boolean>> measured) throws SQLException {
        Optional<Boolean> known = measured.get(ref);
        if (known == null) {
            known = preflight.holdsData(c, ref);
            measured.put(ref, known);
        }
        return known;
    }

    /** The volatility of every function the pending steps' column defaults call, from {@code pg_proc}. */
    private static Map<String, Volatility> volatility(Connection c, List<Migration> pending) throws SQLException {
        Set<String> names = new LinkedHashSet<>();
        for (Migration migration : pending) {
            for (Operation op : migration.operations()) {
                if (op instanceof AddColumn add) {
                    names.addAll(FunctionCalls.names(add.column().defaultExpression()));
                }
            }
        }
        return Volatility.of(CatalogFacts.volatility(c, names));
    }

    private static boolean isUtc(String timeZone) {
        return timeZone != null && Set.of("UTC", "Etc/UTC", "GMT", "Etc/GMT", "UCT", "Etc/UCT", "Zulu", "Etc/Zulu",
                "Universal", "Etc/Universal", "GMT0", "Etc/GMT0", "Greenwich", "Etc/Greenwich").contains(timeZone);
    }

    private record Session(boolean readOnly, String timeZone) {
    }

    /**
     * The same plan judged by other gates (a what-if): the steps, their risk and their preflight results stay as
     * planned; the gate results, verdict and refusal are evaluated again for {@code gates}. Reads and writes nothing.
     */
    public static Plan judge(Plan plan, Gates gates) {
        List<GateResult> results = GateKeeper.evaluate(plan.toRun(), gates);
        Refusal refusal = GateKeeper.refusal(results);
        return new Plan(plan.database(), plan.server(), plan.fingerprint(), plan.readOnly(), plan.plannedAt(), gates,
                plan.migrations(), results, refusal == null ? Verdict.GREEN : Verdict.REFUSED, refusal, plan.warnings());
    }
}
