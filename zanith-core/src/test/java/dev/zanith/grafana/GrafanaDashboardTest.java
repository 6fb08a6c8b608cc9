package dev.zanith.grafana;

import dev.zanith.api.output.HistoryEntry;
import dev.zanith.Zanith;
import dev.zanith.ZanithConfig;
import dev.zanith.api.ApplyListener;
import dev.zanith.api.output.ApplyResult;
import dev.zanith.internal.audit.AuditQuery;
import dev.zanith.internal.audit.AuditTables;
import dev.zanith.api.output.SnapshotDiff;
import dev.zanith.api.output.SnapshotInfo;
import dev.zanith.api.output.StepRow;
import dev.zanith.api.output.StepStatus;
import dev.zanith.internal.command.History;
import dev.zanith.grafana.GrafanaPostgres.FieldType;
import dev.zanith.grafana.GrafanaPostgres.Frame;
import dev.zanith.grafana.GrafanaPostgres.TimeRange;
import dev.zanith.grafana.GrafanaPostgres.Variable;
import dev.zanith.api.migration.DirectoryMigrationSource;
import dev.zanith.api.output.Artifact;
import dev.zanith.api.output.ArtifactStatus;
import dev.zanith.api.output.RestoreResult;
import dev.zanith.api.risk.RiskLevel;
import dev.zanith.testsupport.GrafanaFiles;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static dev.zanith.grafana.GrafanaPostgres.FieldType.BOOLEAN;
import static dev.zanith.grafana.GrafanaPostgres.FieldType.JSON;
import static dev.zanith.grafana.GrafanaPostgres.FieldType.NUMBER;
import static dev.zanith.grafana.GrafanaPostgres.FieldType.STRING;
import static dev.zanith.grafana.GrafanaPostgres.FieldType.TIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The Grafana dashboard and alert rules in grafana/ against a real database that real applies filled: two applied
 * migrations (one with a soft drop and a backfill, watched while it ran), one with an archived column and table, one
 * that failed, and a restore. Every PostgreSQL query is expanded as Grafana would for a time range (variables, then
 * macros) and must return the columns, Grafana field types and values its visualization expects; the values are
 * checked against what Zanith itself reports (history, snapshots, artifacts). The dashboard's structure is checked
 * too: data sources, queries, visualization types, variables.
 */
@RealPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GrafanaDashboardTest {

    private static final String LOGIN = "20260101000000_login";
    private static final String CLEANUP = "20260102000000_cleanup";
    private static final String ARCHIVE = "20260103000000_archive";
    private static final String BROKEN = "20260104000000_broken";
    private static final Set<String> VISUALIZATIONS = Set.of("table", "barchart", "timeseries", "stat");
    /** Snapshots in time; both of a restore share its transaction's time, and its before comes first. */
    private static final Comparator<SnapshotInfo> SNAPSHOT_ORDER = Comparator.comparing(SnapshotInfo::capturedAt)
            .thenComparing(SnapshotInfo::id);
    /** The panel that answers a question about the present rather than a time range. */
    private static final String LIVE_ARTIFACTS = "Live recovery artifacts";
    private static final String DIFF = "Schema diff between two snapshots";

    /** Per PostgreSQL panel, the columns (name → Grafana field type) its visualization and overrides rely on. */
    private static final Map<String, Map<String, FieldType>> COLUMNS = Map.of(
            "Recent migrations and their risk", columns("migration", STRING, "kind", STRING, "applied_at", TIME,
                    "duration_ms", NUMBER, "applied_by", STRING, "steps", NUMBER, "worst_score", NUMBER, "worst_level", STRING),
            "Failed steps and their errors", columns("failed_at", TIME, "migration", STRING, "step", NUMBER,
                    "operation_kind", STRING, "attempts", NUMBER, "sqlstate", STRING, "error", STRING),
            "Average step duration by operation kind", columns("operation_kind", STRING, "avg_ms", NUMBER, "max_ms", NUMBER,
                    "runs", NUMBER),
            "Risk profile per migration", columns("migration", STRING, "worst_score", NUMBER, "total_score", NUMBER,
                    "worst_level", STRING, "steps", NUMBER, "state", STRING),
            LIVE_ARTIFACTS, columns("source", STRING, "artifact_type", STRING, "migration", STRING, "physical_name", STRING,
                    "row_count", NUMBER, "size_bytes", NUMBER, "created_at", TIME, "age", NUMBER, "expires_at", TIME,
                    "expires_in", NUMBER, "id", STRING),
            "Schema size over time", columns("time", TIME, "models", NUMBER, "fields", NUMBER),
            DIFF, columns("model", STRING, "field", STRING, "change", STRING,
                    "before", JSON, "after", JSON),
            "Backfill checkpoints", columns("migration", STRING, "step", NUMBER, "status", STRING, "processed_rows", NUMBER,
                    "total_rows", NUMBER, "percent", NUMBER, "updated_at", TIME, "idle", NUMBER));

    private TestDatabase db;
    private Path dir;
    private JsonNode dashboard;
    private Instant start;
    private Instant afterCleanup;
    private Instant end;
    private Frame checkpointsWhileRunning;
    private Frame stallAlertWhileRunning;
    private RestoreResult restore;
    private List<HistoryEntry> history;
    private List<SnapshotInfo> snapshots;
    private List<Artifact> artifacts;

    @BeforeAll
    void fill(TestDatabase database, @TempDir Path migrations) throws Exception {
        db = database;
        dir = migrations;
        dashboard = GrafanaFiles.dashboard();
        db.execute("""
                CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, legacy text, nickname text,
                                    score int NOT NULL DEFAULT 0);
                INSERT INTO users SELECT g, 'u' || g || '@example.com', 'legacy-' || g, 'nick-' || g, 0
                FROM generate_series(1, 30) g;
                CREATE TABLE events (id bigint PRIMARY KEY, payload text);
                INSERT INTO events SELECT g, 'event ' || g FROM generate_series(1, 12) g;
                """);
        start = serverNow();
        assertApplied(write(LOGIN, """
                  - addColumn:
                      table: public.users
                      column: {name: last_login, type: timestamptz}
                  - addIndex:
                      table: public.users
                      index: {name: users_email_idx, keys: [email]}
                      concurrently: true
                """).apply(UnaryOperator.identity()));
        // The backfill runs 3 batches of 10 rows with a pause after each, long enough to look at it while it runs.
        CompletableFuture<ApplyResult> cleanup = CompletableFuture.supplyAsync(() -> write(CLEANUP, """
                  - softDropColumn:
                      table: public.users
                      column: legacy
                  - backfill:
                      table: public.users
                      set: {score: score + 1}
                      batchSize: 10
                """).apply(c -> c.backfillPause(Duration.ofMillis(700))));
        watchTheBackfill(cleanup);
        assertApplied(cleanup.get(2, TimeUnit.MINUTES));
        afterCleanup = serverNow();
        // Archived data expires after a day (the soft drop keeps the default 30), so one alert has something to say.
        assertApplied(write(ARCHIVE, """
                  - archiveColumn:
                      table: public.users
                      column: nickname
                      primaryKey: [id]
                  - archiveTable:
                      table: public.events
                """).apply(c -> c.artifactRetention(Duration.ofDays(1))));
        ApplyResult broken = write(BROKEN, """
                  - rawSql:
                      sql: SELECT 1 / 0
                """).apply(UnaryOperator.identity());
        assertThat(broken.failedStep()).as("the broken migration fails").isPresent();
        restore = zanith(UnaryOperator.identity()).restoreColumn("public.users", "legacy");
        assertThat(restore.restored()).isTrue();
        end = serverNow();

        Zanith zanith = zanith(UnaryOperator.identity());
        history = zanith.history();
        snapshots = zanith.snapshots();
        artifacts = zanith.artifacts();
    }

    // ---- structure ------------------------------------------------------------------------------------------

    @Test
    void everyPanelHasADataSourceAQueryAndAVisualization() {
        assertThat(dashboard.path("uid").asString()).isNotBlank();
        assertThat(dashboard.path("title").asString()).isNotBlank();
        assertThat(dashboard.path("schemaVersion").asInt()).isPositive();
        Map<String, String> dataSourceVariables = dataSourceVariables();
        Set<Integer> ids = new HashSet<>();
        Set<String> titles = new HashSet<>();
        for (JsonNode row : dashboard.path("panels")) {
            assertThat(ids.add(row.path("id").asInt())).as("unique panel id " + row.path("id")).isTrue();
            assertGrid(row);
        }
        List<JsonNode> panels = GrafanaFiles.panels(dashboard);
        assertThat(panels).hasSizeGreaterThanOrEqualTo(COLUMNS.size() + 8);
        for (JsonNode panel : panels) {
            String title = panel.path("title").asString();
            assertThat(titles.add(title)).as("unique title " + title).isTrue();
            assertThat(panel.path("description").asString()).as(title + " describes itself").isNotBlank();
            assertThat(VISUALIZATIONS).as(title + " visualization").contains(panel.path("type").asString());
            JsonNode dataSource = panel.path("datasource");
            String type = dataSource.path("type").asString();
            assertThat(type).as(title + " data source type").isIn(GrafanaFiles.POSTGRES_TYPE, GrafanaFiles.PROMETHEUS_TYPE);
            assertThat(dataSourceVariables).as(title + " data source " + dataSource)
                    .containsEntry(variableName(dataSource.path("uid").asString()), type);
            assertThat(panel.path("targets").size()).as(title + " queries").isPositive();
            Set<String> refIds = new HashSet<>();
            for (JsonNode target : panel.path("targets")) {
                assertThat(refIds.add(target.path("refId").asString())).as(title + " refIds").isTrue();
                assertThat(target.path("datasource")).as(title + " target data source").isEqualTo(dataSource);
                if (type.equals(GrafanaFiles.POSTGRES_TYPE)) {
                    assertThat(target.path("rawSql").asString()).as(title + " SQL").isNotBlank();
                    assertThat(target.path("rawQuery").asBoolean()).as(title + " is a code query").isTrue();
                    // Grafana's default format is time_series: a table must say so.
                    assertThat(target.path("format").asString()).as(title + " format")
                            .isEqualTo(panel.path("type").asString().equals("timeseries") ? "time_series" : "table");
                } else {
                    assertThat(target.path("expr").asString()).as(title + " PromQL").isNotBlank();
                }
            }
        }
        assertThat(panels.stream().filter(p -> isPostgres(p)).map(p -> p.path("title").asString()))
                .as("every PostgreSQL panel is checked against a real database below")
                .containsExactlyInAnyOrderElementsOf(COLUMNS.keySet());
    }

    @Test
    void variablesResolveAndAuditTablesDefaultToZanithsDefaults() {
        List<JsonNode> variables = GrafanaFiles.variables(dashboard);
        Set<String> defined = new LinkedHashSet<>();
        for (JsonNode variable : variables) {
            String name = variable.path("name").asString();
            // A variable can use only the ones defined before it (Grafana resolves them in order).
            assertThat(GrafanaPostgres.referencedVariables(variable.path("datasource").path("uid").asString()
                    + " " + variable.path("query").asString())).as("variable " + name).isSubsetOf(defined);
            assertThat(defined.add(name)).as("unique variable " + name).isTrue();
        }
        assertThat(defined).contains("audit_db", "audit_schema", "table_prefix", "prometheus");
        assertThat(textbox("audit_schema")).isEqualTo(ZanithConfig.DEFAULT_AUDIT_SCHEMA);
        assertThat(textbox("table_prefix")).isEqualTo(ZanithConfig.DEFAULT_TABLE_PREFIX);
        List<String> texts = new ArrayList<>();
        GrafanaFiles.panels(dashboard).forEach(p -> texts.add(p.toString()));
        dashboard.path("annotations").path("list").forEach(a -> texts.add(a.toString()));
        for (String text : texts) {
            assertThat(GrafanaPostgres.referencedVariables(text)).as(text).isSubsetOf(defined);
        }
        for (JsonNode panel : GrafanaFiles.panels(dashboard)) {
            if (isPostgres(panel)) {
                // Every audit table is named through both variables, never a fixed public._zanith_.
                String sql = panel.path("targets").get(0).path("rawSql").asString();
                assertThat(sql).as(panel.path("title").asString()).doesNotContain("_zanith_").doesNotContain("public.")
                        .contains("\"${audit_schema:raw}\".\"${table_prefix:raw}");
            }
        }
    }

    @Test
    void timeBoundQuestionsFollowTheDashboardTimeRange() {
        for (JsonNode panel : GrafanaFiles.panels(dashboard)) {
            if (isPostgres(panel)) {
                String title = panel.path("title").asString();
                String sql = panel.path("targets").get(0).path("rawSql").asString();
                if (title.equals(LIVE_ARTIFACTS)) {
                    assertThat(sql).as(title + " is the present state").doesNotContain("$__time");
                } else if (title.equals(DIFF)) {
                    // Bound through its two snapshot variables, whose choices come from the time range.
                    for (String name : GrafanaPostgres.referencedVariables(sql)) {
                        if (name.startsWith("snapshot_")) {
                            assertThat(variable(name).path("query").asString()).as(name).contains("$__timeFilter(");
                            assertThat(variable(name).path("refresh").asInt()).as(name + ": on time range change")
                                    .isEqualTo(2);
                        }
                    }
                    assertThat(GrafanaPostgres.referencedVariables(sql)).contains("snapshot_from", "snapshot_to");
                } else {
                    assertThat(sql).as(title + " is time-bound").contains("$__timeFilter(");
                }
            }
        }
    }

    // ---- every PostgreSQL query against the filled database -------------------------------------------------

    @Test
    void everyPostgresPanelReturnsTheColumnsAndTypesItsVisualizationNeeds() throws SQLException {
        for (JsonNode panel : GrafanaFiles.panels(dashboard)) {
            if (!isPostgres(panel)) {
                continue;
            }
            String title = panel.path("title").asString();
            Frame frame = panel(title, all());
            assertThat(frame.rows()).as(title + " has rows on the filled database").isPositive();
            Map<String, FieldType> actual = new LinkedHashMap<>();
            frame.fields().forEach(f -> actual.put(f.name(), f.type()));
            assertThat(actual).as(title).containsExactlyEntriesOf(COLUMNS.get(title));
            for (JsonNode override : panel.path("fieldConfig").path("overrides")) {
                assertThat(frame.names()).as(title + " override for a column it returns")
                        .contains(override.path("matcher").path("options").asString());
            }
            switch (panel.path("type").asString()) {
                case "barchart" -> {
                    assertThat(frame.field(panel.path("options").path("xField").asString()).type()).isEqualTo(STRING);
                    assertThat(frame.fields()).filteredOn(f -> f.type() != STRING).isNotEmpty()
                            .allSatisfy(f -> assertThat(f.type()).isEqualTo(NUMBER));
                }
                case "timeseries" -> {
                    // sqleng: the time column is named "time"; every other column becomes a float value.
                    assertThat(frame.field("time").type()).isEqualTo(TIME);
                    assertThat(frame.fields()).filteredOn(f -> !f.name().equals("time"))
                            .allSatisfy(f -> assertThat(f.type()).isEqualTo(NUMBER));
                    List<Instant> times = frame.column("time").stream().map(Instant.class::cast).toList();
                    assertThat(times).isSorted();
                }
                default -> {
                }
            }
        }
    }

    @Test
    void recentMigrationsWithTheirRiskPills() throws SQLException {
        List<HistoryEntry> ledger = history.stream().filter(e -> e.applied() != null)
                .sorted(Comparator.comparing((HistoryEntry e) -> e.applied().appliedAt()).reversed()).toList();
        assertThat(ledger).extracting(HistoryEntry::id)
                .containsExactly(restore.restoreId(), ARCHIVE, CLEANUP, LOGIN);
        Frame frame = panel("Recent migrations and their risk", all());
        assertThat(frame.rows()).isEqualTo(ledger.size());
        for (int i = 0; i < ledger.size(); i++) {
            HistoryEntry entry = ledger.get(i);
            Map<String, Object> row = frame.row(i);
            Optional<StepRow> worst = entry.worstStep();
            assertThat(row).containsEntry("migration", entry.id())
                    .containsEntry("kind", entry.id().equals(restore.restoreId()) ? "restore" : "migration")
                    .containsEntry("applied_at", entry.applied().appliedAt())
                    .containsEntry("duration_ms", entry.applied().durationMs())
                    .containsEntry("applied_by", entry.applied().appliedBy())
                    .containsEntry("steps", (long) entry.steps().size())
                    .containsEntry("worst_score", worst.map(StepRow::riskScore).orElse(null))
                    .containsEntry("worst_level", worst.map(StepRow::riskLevel).orElse(null));
        }
        assertThat(frame.column("worst_level")).as("levels the pills color (a restore has no risk)")
                .filteredOn(Objects::nonNull).hasSize(3)
                .allSatisfy(level -> assertThat(RiskLevel.byId((String) level)).isPresent());
        assertThat(panel("Recent migrations and their risk", early()).column("migration")).containsExactly(CLEANUP, LOGIN);
    }

    @Test
    void failedStepsInTheTimeRangeWithTheirErrors() throws SQLException {
        Frame frame = panel("Failed steps and their errors", all());
        StepRow failed = history.stream().filter(e -> e.id().equals(BROKEN)).flatMap(e -> e.steps().stream())
                .filter(s -> s.status() == StepStatus.FAILED).findFirst().orElseThrow();
        assertThat(frame.rowMaps()).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("migration", BROKEN).containsEntry("step", 1).containsEntry("operation_kind", "rawSql")
                .containsEntry("sqlstate", "22012").containsEntry("failed_at", failed.finishedAt())
                .containsEntry("attempts", failed.attempts()).containsEntry("error", failed.error()));
        assertThat((String) frame.row(0).get("error")).contains("division by zero");
        assertThat(panel("Failed steps and their errors", early()).rows()).as("nothing failed before " + afterCleanup)
                .isZero();
    }

    @Test
    void averageStepDurationByKindAsBars() throws SQLException {
        for (TimeRange range : List.of(all(), early())) {
            Map<String, List<Long>> durations = new LinkedHashMap<>();
            history.stream().flatMap(e -> e.steps().stream())
                    .filter(s -> s.status() == StepStatus.DONE && inRange(range, s.finishedAt()))
                    .forEach(s -> durations.computeIfAbsent(s.operationKind(), k -> new ArrayList<>()).add(s.durationMs()));
            Frame frame = panel("Average step duration by operation kind", range);
            Map<String, List<Object>> actual = new LinkedHashMap<>();
            for (Map<String, Object> row : frame.rowMaps()) {
                actual.put((String) row.get("operation_kind"), List.of(((Number) row.get("avg_ms")).longValue(),
                        row.get("max_ms"), row.get("runs")));
            }
            Map<String, List<Object>> expected = new LinkedHashMap<>();
            durations.forEach((kind, ms) -> expected.put(kind, List.of(
                    Math.round(ms.stream().mapToLong(Long::longValue).average().orElseThrow()),
                    ms.stream().mapToLong(Long::longValue).max().orElseThrow(), (long) ms.size())));
            assertThat(actual).as(range.toString()).containsExactlyInAnyOrderEntriesOf(expected);
            List<Double> averages = frame.column("avg_ms").stream().map(v -> ((Number) v).doubleValue()).toList();
            assertThat(averages).as("slowest first").isSortedAccordingTo(Comparator.reverseOrder());
        }
        assertThat(panel("Average step duration by operation kind", all()).column("operation_kind"))
                .contains("addColumn", "addIndex", "softDropColumn", "backfill", "archiveColumn", "archiveTable")
                .doesNotContain("rawSql");
    }

    @Test
    void riskProfilePerMigrationRanked() throws SQLException {
        for (TimeRange range : List.of(all(), early())) {
            List<List<Object>> expected = history.stream()
                    .filter(e -> inRange(range, e.steps().stream().map(StepRow::startedAt).filter(Objects::nonNull)
                            .min(Comparator.naturalOrder()).orElse(null)))
                    // ORDER BY worst_score DESC NULLS LAST, total_score DESC NULLS LAST, migration
                    .sorted(Comparator.comparing(GrafanaDashboardTest::worstScore, Comparator.nullsFirst(Comparator.<Integer>naturalOrder()))
                            .thenComparing(GrafanaDashboardTest::totalScore, Comparator.nullsFirst(Comparator.<Long>naturalOrder()))
                            .reversed().thenComparing(HistoryEntry::id))
                    .map(e -> java.util.Arrays.<Object>asList(e.id(), worstScore(e), totalScore(e),
                            e.worstStep().map(StepRow::riskLevel).orElse(null), (long) e.steps().size(), e.status()))
                    .toList();
            Frame frame = panel("Risk profile per migration", range);
            List<List<Object>> actual = frame.rowMaps().stream().map(r -> java.util.Arrays.asList(r.get("migration"),
                    r.get("worst_score"), r.get("total_score"), r.get("worst_level"), r.get("steps"), r.get("state"))).toList();
            assertThat(actual).as(range.toString()).containsExactlyElementsOf(expected);
        }
        assertThat(panel("Risk profile per migration", all()).rowMaps())
                .anySatisfy(r -> assertThat(r).containsEntry("migration", BROKEN).containsEntry("state", "failed"))
                .filteredOn(r -> r.get("migration").equals(ARCHIVE)).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("state", "applied"));
    }

    @Test
    void liveArtifactsByAgeAndSizeWithTheirExpiry() throws SQLException {
        List<Artifact> live = artifacts.stream().filter(a -> a.status() == ArtifactStatus.LIVE)
                .sorted(Comparator.comparing(Artifact::createdAt)).toList();
        assertThat(artifacts).as("the restored soft drop is no longer live").anySatisfy(a -> assertThat(a.status())
                .isEqualTo(ArtifactStatus.RESTORED));
        assertThat(live).extracting(a -> a.type().id()).containsExactlyInAnyOrder("archive_column", "archive_table");
        // The present, whatever the time range: an old live artifact is still there to restore or purge.
        Frame frame = panel(LIVE_ARTIFACTS, early());
        assertThat(frame.column("id")).containsExactlyInAnyOrderElementsOf(live.stream().map(Artifact::id).toList());
        for (Map<String, Object> row : frame.rowMaps()) {
            Artifact artifact = live.stream().filter(a -> a.id().equals(row.get("id"))).findFirst().orElseThrow();
            assertThat(row).containsEntry("source", artifact.sourceName())
                    .containsEntry("artifact_type", artifact.type().id())
                    .containsEntry("migration", ARCHIVE)
                    .containsEntry("row_count", artifact.rowCount())
                    .containsEntry("size_bytes", artifact.sizeBytes())
                    .containsEntry("created_at", artifact.createdAt())
                    .containsEntry("expires_at", artifact.expiresAt());
            assertThat(((Number) row.get("age")).doubleValue()).isBetween(0.0,
                    (double) Duration.between(start, Instant.now()).toSeconds() + 1);
            assertThat(((Number) row.get("expires_in")).doubleValue()).as("a day's retention")
                    .isCloseTo(Duration.ofDays(1).toSeconds(), within(600.0));
        }
        assertThat(frame.column("row_count")).containsExactlyInAnyOrder(30L, 12L);
        assertThat(frame.column("source")).containsExactlyInAnyOrder("public.users.nickname", "public.events");
    }

    @Test
    void schemaSizeOverTimeFromTheSnapshots() throws SQLException {
        for (TimeRange range : List.of(all(), early())) {
            List<List<Object>> expected = snapshots.stream().filter(s -> inRange(range, s.capturedAt()))
                    .sorted(SNAPSHOT_ORDER).map(s -> List.<Object>of(s.capturedAt(), s.modelCount(), s.fieldCount())).toList();
            Frame frame = panel("Schema size over time", range);
            List<List<Object>> actual = frame.rowMaps().stream().map(r -> List.of(r.get("time"), r.get("models"),
                    r.get("fields"))).toList();
            assertThat(actual).as(range.toString()).containsExactlyElementsOf(expected);
        }
        assertThat(panel("Schema size over time", early()).rows()).as("before and after of two migrations").isEqualTo(4);
        assertThat(panel("Schema size over time", all()).column("models")).as("events was archived")
                .startsWith(2).endsWith(1);
    }

    @Test
    void snapshotDiffBetweenTheFirstAndLastSnapshotOfTheRange() throws SQLException {
        Map<String, Variable> variables = variables(all());
        SnapshotInfo first = snapshots.stream().min(SNAPSHOT_ORDER).orElseThrow();
        SnapshotInfo last = snapshots.stream().max(SNAPSHOT_ORDER).orElseThrow();
        assertThat(variables.get("snapshot_from").values()).containsExactly(Long.toString(first.id()));
        assertThat(variables.get("snapshot_to").values()).containsExactly(Long.toString(last.id()));
        SnapshotDiff diff = zanith(UnaryOperator.identity())
                .compareSnapshots(Long.toString(first.id()), Long.toString(last.id())).diff();
        Set<List<String>> expected = new LinkedHashSet<>();
        for (SnapshotDiff.ModelChange model : diff.models()) {
            if (model.change() != SnapshotDiff.Change.CHANGED) {
                expected.add(java.util.Arrays.asList(model.model(), null, model.change().value()));
            }
            model.fields().stream().filter(f -> f.change() != SnapshotDiff.Change.CHANGED)
                    .forEach(f -> expected.add(java.util.Arrays.asList(model.model(), f.field(), f.change().value())));
        }
        Frame frame = panel(DIFF, all(), variables);
        Set<List<String>> actual = frame.rowMaps().stream().filter(r -> !"changed".equals(r.get("change")))
                .map(r -> java.util.Arrays.asList((String) r.get("model"), (String) r.get("field"), (String) r.get("change")))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected)
                .contains(java.util.Arrays.asList("public.users", "last_login", "added"),
                        java.util.Arrays.asList("public.users", "nickname", "removed"),
                        java.util.Arrays.asList("public.events", null, "removed"));
    }

    @Test
    void theDiffPanelIsTheDocumentedSnapshotDiffQuery() {
        // docs/AUDIT.md's sixth question, with the dashboard's table names and variables in place of psql's.
        String documented = AuditQuery.SNAPSHOT_DIFF.sql(new AuditTables("${audit_schema:raw}", "${table_prefix:raw}"))
                .strip().replaceFirst("^(--[^\\n]*\\n)+", "")
                .replace(":from_id", "NULLIF('${snapshot_from}', '')::bigint")
                .replace(":to_id", "NULLIF('${snapshot_to}', '')::bigint");
        assertThat(panelNode(DIFF).path("targets").get(0).path("rawSql").asString())
                .isEqualTo(documented);
    }

    @Test
    void backfillCheckpointsWhileRunningAndWhenDone() throws SQLException {
        assertThat(checkpointsWhileRunning.rowMaps()).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("migration", CLEANUP).containsEntry("step", 2).containsEntry("status", "running");
            assertThat((Long) row.get("processed_rows")).isIn(10L, 20L);
            assertThat(((Number) row.get("idle")).doubleValue()).isBetween(0.0, 60.0);
        });
        assertThat(panel("Backfill checkpoints", all()).rowMaps()).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("migration", CLEANUP).containsEntry("status", "done").containsEntry("processed_rows", 30L));
        TimeRange later = new TimeRange(end.plusSeconds(60), end.plusSeconds(120));
        assertThat(panel("Backfill checkpoints", later).rows()).as("finished outside the range, none running").isZero();
    }

    @Test
    void migrationAnnotationsSpanEachApply() throws SQLException {
        JsonNode annotation = null;
        for (JsonNode a : dashboard.path("annotations").path("list")) {
            if (GrafanaFiles.POSTGRES_TYPE.equals(a.path("datasource").path("type").asString())) {
                annotation = a;
            }
        }
        assertThat(annotation).as("an annotation query on the audit database").isNotNull();
        Frame frame = run(annotation.path("target").path("rawSql").asString(), all(), variables(all()));
        assertThat(frame.names()).containsExactly("time", "timeend", "text", "tags");
        assertThat(frame.field("time").type()).isEqualTo(TIME);
        assertThat(frame.field("timeend").type()).isEqualTo(TIME);
        List<HistoryEntry> ledger = history.stream().filter(e -> e.applied() != null)
                .sorted(Comparator.comparing(e -> e.applied().appliedAt())).toList();
        assertThat(frame.column("text")).containsExactlyElementsOf(ledger.stream().map(HistoryEntry::id).toList());
        for (int i = 0; i < ledger.size(); i++) {
            Instant applied = ledger.get(i).applied().appliedAt();
            assertThat(frame.row(i)).containsEntry("timeend", applied)
                    .containsEntry("time", applied.minusMillis(ledger.get(i).applied().durationMs()))
                    .containsEntry("tags", ledger.get(i).id().equals(restore.restoreId()) ? "zanith,restore" : "zanith,migration");
        }
    }

    @Test
    void theAuditTableVariablesSelectAnotherSchemaAndPrefix() throws Exception {
        // A second Zanith in the same database with its own audit schema (one that needs quoting) and prefix.
        Path other = Files.createTempDirectory(dir.getParent(), "other");
        Files.writeString(other.resolve("20260201000000_notes.yaml"), """
                id: 20260201000000_notes
                operations:
                  - createTable:
                      table:
                        schema: public
                        name: notes
                        columns:
                          - {name: id, type: bigint, notNull: true}
                        primaryKey: {name: notes_pkey, columns: [id]}
                """);
        Zanith zanith = new Zanith(ZanithConfig.builder().url(db.jdbcUrl()).migrations(new DirectoryMigrationSource(other))
                .auditSchema("Ops Audit").tablePrefix("zx_").build());
        assertApplied(zanith.apply(ApplyListener.NONE));
        Map<String, Variable> variables = variables(all());
        variables.put("audit_schema", Variable.single("audit_schema", "Ops Audit"));
        variables.put("table_prefix", Variable.single("table_prefix", "zx_"));
        TimeRange range = new TimeRange(start, Instant.now().plusSeconds(60));
        assertThat(panel("Recent migrations and their risk", range, variables).column("migration"))
                .containsExactly("20260201000000_notes");
        assertThat(panel("Risk profile per migration", range, variables).column("migration"))
                .containsExactly("20260201000000_notes");
        assertThat(panel(LIVE_ARTIFACTS, range, variables).rows()).isZero();
        assertThat(panel("Recent migrations and their risk", range).column("migration"))
                .as("the default tables are untouched").doesNotContain("20260201000000_notes");
    }

    @Test
    void theDocumentedReadOnlyRoleCanAnswerEveryQuery() throws Exception {
        String script = null;
        java.util.regex.Matcher block = java.util.regex.Pattern.compile("```sql\\n(.*?)\\n```", java.util.regex.Pattern.DOTALL)
                .matcher(Files.readString(GrafanaFiles.directory().resolveSibling("docs").resolve("GRAFANA.md")));
        while (block.find()) {
            if (block.group(1).contains("GRANT SELECT")) {
                script = block.group(1);
            }
        }
        assertThat(script).as("docs/GRAFANA.md shows the GRANTs").isNotNull();
        // Roles belong to the whole server, which other test runs may share: a name of this run's own.
        String role = "zanith_grafana_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
        db.execute(script.replace("zanith_grafana", role));
        try (Connection c = db.connect(); var s = c.createStatement()) {
            s.execute("SET ROLE " + role);
            Map<String, Variable> variables = variables(all());
            List<String> queries = new ArrayList<>();
            GrafanaFiles.panels(dashboard).stream().filter(GrafanaDashboardTest::isPostgres)
                    .forEach(p -> queries.add(p.path("targets").get(0).path("rawSql").asString()));
            GrafanaFiles.variables(dashboard).stream().filter(v -> GrafanaFiles.POSTGRES_TYPE.equals(
                    v.path("datasource").path("type").asString())).forEach(v -> queries.add(v.path("query").asString()));
            dashboard.path("annotations").path("list").forEach(a -> {
                if (!a.path("target").path("rawSql").isMissingNode()) {
                    queries.add(a.path("target").path("rawSql").asString());
                }
            });
            alertRules().forEach(r -> queries.add(alertSql(r.path("uid").asString())));
            for (String query : queries) {
                GrafanaPostgres.run(c, GrafanaPostgres.interpolate(query, variables, all()));
            }
            assertThat(queries).hasSizeGreaterThan(COLUMNS.size());
            s.execute("RESET ROLE");
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> {
                s.execute("SET ROLE " + role);
                s.execute("DELETE FROM _zanith_migrations");
            })).as("and nothing else").hasMessageContaining("permission denied");
        } finally {
            db.execute("DROP OWNED BY " + role + "; DROP ROLE " + role);
        }
    }

    @Test
    void docsDescribeEveryPanelAndAlert() throws IOException {
        String doc = Files.readString(GrafanaFiles.directory().resolveSibling("docs").resolve("GRAFANA.md"));
        for (JsonNode panel : GrafanaFiles.panels(dashboard)) {
            String title = panel.path("title").asString();
            assertThat(doc).as("docs/GRAFANA.md on " + title).containsAnyOf("**" + title + "**", "| " + title + " |");
        }
        for (JsonNode variable : GrafanaFiles.variables(dashboard)) {
            assertThat(doc).as("docs/GRAFANA.md on variable " + variable.path("name"))
                    .contains(variable.path("label").asString());
        }
        alertRules().forEach(r -> assertThat(doc).contains("| " + r.path("title").asString() + " |"));
        for (JsonNode group : GrafanaFiles.yaml(GrafanaFiles.PROMETHEUS_RULES).path("groups")) {
            group.path("rules").forEach(r -> assertThat(doc).contains("| `" + r.path("alert").asString() + "` |"));
        }
    }

    // ---- the Grafana-managed alert rules (they read the audit tables too) -----------------------------------

    @Test
    void alertRulesAreProvisionableAndPointAtTheProvisionedDataSource() {
        JsonNode dataSources = GrafanaFiles.yaml(GrafanaFiles.DATASOURCES);
        String postgresUid = null;
        for (JsonNode ds : dataSources.path("datasources")) {
            if (GrafanaFiles.POSTGRES_TYPE.equals(ds.path("type").asString())) {
                postgresUid = ds.path("uid").asString();
            }
        }
        assertThat(postgresUid).as("a provisioned PostgreSQL data source").isNotBlank();
        assertThat(GrafanaFiles.yaml(GrafanaFiles.DASHBOARD_PROVIDERS).path("providers").get(0).path("type").asString())
                .isEqualTo("file");
        Set<Integer> panelIds = GrafanaFiles.panels(dashboard).stream().map(p -> p.path("id").asInt())
                .collect(Collectors.toSet());
        List<JsonNode> rules = alertRules();
        assertThat(rules).extracting(r -> r.path("uid").asString())
                .containsExactlyInAnyOrder("zanith-failed-step", "zanith-artifact-expiring", "zanith-backfill-stalled");
        for (JsonNode rule : rules) {
            String uid = rule.path("uid").asString();
            assertThat(rule.path("title").asString()).as(uid).isNotBlank();
            assertThat(rule.path("dashboardUid").asString()).as(uid).isEqualTo(dashboard.path("uid").asString());
            assertThat(panelIds).as(uid + " panel").contains(rule.path("panelId").asInt());
            Set<String> refIds = new HashSet<>();
            for (JsonNode data : rule.path("data")) {
                assertThat(data.path("model").path("refId").asString()).isEqualTo(data.path("refId").asString());
                refIds.add(data.path("refId").asString());
                String source = data.path("datasourceUid").asString();
                if (!source.equals("__expr__")) {
                    assertThat(source).as(uid + " queries the provisioned audit database").isEqualTo(postgresUid);
                    assertThat(data.path("model").path("format").asString()).as(uid + ": numeric data needs a table")
                            .isEqualTo("table");
                } else {
                    assertThat(refIds).as(uid + " expression input").contains(data.path("model").path("expression").asString());
                }
            }
            assertThat(refIds).as(uid + " condition").contains(rule.path("condition").asString());
            assertThat(rule.path("noDataState").asString()).as(uid + ": no rows means nothing to report").isEqualTo("OK");
        }
    }

    @Test
    void theFailedStepAlertFiresForTheFailedStep() throws SQLException {
        assertThat(firing("zanith-failed-step", null)).containsExactly(
                Map.of("step", BROKEN + " #1", "operation_kind", "rawSql", "sqlstate", "22012"));
    }

    @Test
    void theArtifactAlertFiresForArtifactsThatExpireWithinThreeDays() throws SQLException {
        Set<Map<String, String>> expected = artifacts.stream()
                .filter(a -> a.status() == ArtifactStatus.LIVE && a.expiresAt() != null
                        && a.expiresAt().isBefore(Instant.now().plus(Duration.ofHours(72))))
                .map(a -> Map.of("artifact", a.id())).collect(Collectors.toSet());
        assertThat(expected).hasSize(2);
        assertThat(firing("zanith-artifact-expiring", null)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theBackfillAlertSeesARunningBackfillAndStaysQuietWhileItProgresses() throws SQLException {
        assertThat(numericData(stallAlertWhileRunning, "zanith-backfill-stalled")).singleElement().satisfies(instance -> {
            assertThat(instance.labels()).isEqualTo(Map.of("step", CLEANUP + " #2"));
            assertThat(instance.value()).as("minutes since the last batch").isBetween(0.0, 1.0);
        });
        assertThat(firing("zanith-backfill-stalled", stallAlertWhileRunning)).isEmpty();
        assertThat(firing("zanith-backfill-stalled", null)).as("done: no running checkpoint").isEmpty();
        assertThat(run(alertSql("zanith-backfill-stalled"), all(), Map.of()).rows()).isZero();
    }

    /** max(risk_score) of a migration's steps: null when none has a score (a restore). */
    private static Integer worstScore(HistoryEntry entry) {
        return entry.worstStep().map(StepRow::riskScore).orElse(null);
    }

    /** sum(risk_score): null when no step has a score. */
    private static Long totalScore(HistoryEntry entry) {
        return entry.worstStep().isPresent() ? (long) entry.totalRisk() : null;
    }

    // ---- the fill -------------------------------------------------------------------------------------------

    /** Polls the checkpoints panel and the stall alert's query until the backfill's checkpoint says running. */
    private void watchTheBackfill(CompletableFuture<ApplyResult> cleanup) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && !cleanup.isDone()) {
            TimeRange range = new TimeRange(start, Instant.now().plusSeconds(60));
            Frame checkpoints = panel("Backfill checkpoints", range);
            if (checkpoints.column("status").contains("running")) {
                checkpointsWhileRunning = checkpoints;
                stallAlertWhileRunning = run(alertSql("zanith-backfill-stalled"), range, Map.of());
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("never saw the backfill running: " + (cleanup.isDone() ? cleanup.get() : "timeout"));
    }

    /** Writes a migration file; {@link Writer#apply} applies everything pending. */
    private Writer write(String id, String operations) {
        try {
            Files.writeString(dir.resolve(id + ".yaml"), "id: " + id + "\noperations:\n" + operations.stripIndent());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return settings -> zanith(settings).apply(ApplyListener.NONE);
    }

    private interface Writer {
        ApplyResult apply(UnaryOperator<ZanithConfig.Builder> settings);
    }

    private Zanith zanith(UnaryOperator<ZanithConfig.Builder> settings) {
        return new Zanith(settings.apply(ZanithConfig.builder().url(db.jdbcUrl()).migrations(new DirectoryMigrationSource(dir))
                .allowDestructive(true).lockRetryBackoff(Duration.ofMillis(20)).lockRetryMaxBackoff(Duration.ofMillis(200)))
                .build());
    }

    private static void assertApplied(ApplyResult result) {
        assertThat(result.refused()).as(String.valueOf(result.refusal())).isFalse();
        assertThat(result.succeeded()).as(result.failedStep().map(s -> s.error()).orElse("")).isTrue();
    }

    private Instant serverNow() throws SQLException, InterruptedException {
        Thread.sleep(5); // rows written before and after never share the millisecond a range ends on
        try (Connection c = db.connect(); var s = c.createStatement(); var rs = s.executeQuery("SELECT clock_timestamp()")) {
            rs.next();
            Instant now = rs.getTimestamp(1).toInstant();
            Thread.sleep(5);
            return now;
        }
    }

    // ---- dashboard helpers ----------------------------------------------------------------------------------

    /** From before the first apply to a minute after the last. */
    private TimeRange all() {
        return new TimeRange(start, end.plusSeconds(60));
    }

    /** The first two migrations only. */
    private TimeRange early() {
        return new TimeRange(start, afterCleanup);
    }

    /** Whether {@code $__timeFilter} (BETWEEN, both ends included) keeps {@code instant}. */
    private static boolean inRange(TimeRange range, Instant instant) {
        return instant != null && !instant.isBefore(range.from()) && !instant.isAfter(range.to());
    }

    private JsonNode panelNode(String title) {
        return GrafanaFiles.panels(dashboard).stream().filter(p -> p.path("title").asString().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no panel " + title));
    }

    private Frame panel(String title, TimeRange range) throws SQLException {
        return panel(title, range, variables(range));
    }

    private Frame panel(String title, TimeRange range, Map<String, Variable> variables) throws SQLException {
        return run(panelNode(title).path("targets").get(0).path("rawSql").asString(), range, variables);
    }

    private Frame run(String sql, TimeRange range, Map<String, Variable> variables) throws SQLException {
        String interpolated = GrafanaPostgres.interpolate(sql, variables, range);
        try (Connection c = db.connect()) {
            return GrafanaPostgres.run(c, interpolated);
        } catch (SQLException e) {
            throw new SQLException(e.getMessage() + "\n" + interpolated, e);
        }
    }

    /**
     * The dashboard's variables with the values Grafana gives them on load: a text box its text, a data source variable
     * the first data source of its type, a query variable on the audit database the first value its query returns for
     * {@code range}; the Prometheus job variable is All.
     */
    private Map<String, Variable> variables(TimeRange range) throws SQLException {
        Map<String, Variable> values = new LinkedHashMap<>();
        for (JsonNode variable : GrafanaFiles.variables(dashboard)) {
            String name = variable.path("name").asString();
            switch (variable.path("type").asString()) {
                case "textbox" -> values.put(name, Variable.single(name, variable.path("query").asString()));
                case "datasource" -> values.put(name, Variable.single(name, variable.path("query").asString() + "-uid"));
                case "query" -> {
                    if (GrafanaFiles.POSTGRES_TYPE.equals(variable.path("datasource").path("type").asString())) {
                        Frame options = run(variable.path("query").asString(), range, values);
                        assertThat(options.names()).as("variable " + name).containsExactly("__value", "__text");
                        List<Object> found = options.column("__value");
                        values.put(name, Variable.single(name, found.isEmpty() ? "" : String.valueOf(found.get(0))));
                    } else {
                        values.put(name, new Variable(name, List.of(variable.path("allValue").asString()),
                                variable.path("multi").asBoolean(), variable.path("includeAll").asBoolean()));
                    }
                }
                default -> throw new AssertionError("variable type " + variable.path("type") + " is not checked here");
            }
        }
        return values;
    }

    private Map<String, String> dataSourceVariables() {
        Map<String, String> types = new LinkedHashMap<>();
        for (JsonNode variable : GrafanaFiles.variables(dashboard)) {
            if (variable.path("type").asString().equals("datasource")) {
                types.put(variable.path("name").asString(), variable.path("query").asString());
            }
        }
        return types;
    }

    private String textbox(String name) {
        return variable(name).path("query").asString();
    }

    private JsonNode variable(String name) {
        return GrafanaFiles.variables(dashboard).stream().filter(v -> v.path("name").asString().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no variable " + name));
    }

    private static String variableName(String reference) {
        assertThat(reference).as("a data source chosen by a variable").matches("\\$\\{\\w+}");
        return reference.substring(2, reference.length() - 1);
    }

    private static boolean isPostgres(JsonNode panel) {
        return GrafanaFiles.POSTGRES_TYPE.equals(panel.path("datasource").path("type").asString());
    }

    private static void assertGrid(JsonNode panel) {
        JsonNode grid = panel.path("gridPos");
        assertThat(grid.path("h").asInt()).as(panel.path("title") + " height").isPositive();
        assertThat(grid.path("w").asInt()).as(panel.path("title") + " width").isPositive();
        assertThat(grid.path("x").asInt() + grid.path("w").asInt()).as(panel.path("title") + " fits 24 columns")
                .isLessThanOrEqualTo(24);
        panel.path("panels").forEach(GrafanaDashboardTest::assertGrid);
    }

    private static Map<String, FieldType> columns(Object... nameThenType) {
        Map<String, FieldType> columns = new LinkedHashMap<>();
        for (int i = 0; i < nameThenType.length; i += 2) {
            columns.put((String) nameThenType[i], (FieldType) nameThenType[i + 1]);
        }
        return columns;
    }

    // ---- alert helpers --------------------------------------------------------------------------------------

    private static List<JsonNode> alertRules() {
        List<JsonNode> rules = new ArrayList<>();
        GrafanaFiles.yaml(GrafanaFiles.GRAFANA_ALERT_RULES).path("groups")
                .forEach(group -> group.path("rules").forEach(rules::add));
        return rules;
    }

    private static JsonNode alertRule(String uid) {
        return alertRules().stream().filter(r -> r.path("uid").asString().equals(uid)).findFirst().orElseThrow();
    }

    private static String alertSql(String uid) {
        for (JsonNode data : alertRule(uid).path("data")) {
            if (!data.path("datasourceUid").asString().equals("__expr__")) {
                return data.path("model").path("rawSql").asString();
            }
        }
        throw new AssertionError(uid + " has no query");
    }

    /** One alert instance: the string columns of a row as labels, its one numeric column as the value. */
    private record Instance(Map<String, String> labels, double value) {
    }

    /**
     * Grafana's numeric data from a table-format SQL query: exactly one numeric column, any string columns become
     * labels, one instance per row.
     */
    private static List<Instance> numericData(Frame frame, String uid) {
        List<GrafanaPostgres.Field> numbers = frame.fields().stream().filter(f -> f.type() == NUMBER).toList();
        assertThat(numbers).as(uid + ": one numeric column").hasSize(1);
        assertThat(frame.fields()).as(uid + ": the other columns are labels")
                .allSatisfy(f -> assertThat(f.type()).isIn(NUMBER, STRING));
        List<Instance> instances = new ArrayList<>();
        for (Map<String, Object> row : frame.rowMaps()) {
            Map<String, String> labels = new LinkedHashMap<>();
            frame.fields().stream().filter(f -> f.type() == STRING).forEach(f -> labels.put(f.name(), (String) row.get(f.name())));
            instances.add(new Instance(labels, ((Number) row.get(numbers.get(0).name())).doubleValue()));
        }
        assertThat(instances.stream().map(Instance::labels).distinct().count()).as(uid + ": distinct label sets")
                .isEqualTo(instances.size());
        return instances;
    }

    /**
     * The label sets of the instances the rule's threshold expression fires for; {@code frame} is the query's result, or
     * null to run the query now (Grafana alerting interpolates no dashboard variables; its macros get the rule's range).
     */
    private List<Map<String, String>> firing(String uid, Frame frame) throws SQLException {
        JsonNode rule = alertRule(uid);
        Frame data = frame != null ? frame : run(alertSql(uid), all(), Map.of());
        JsonNode evaluator = null;
        for (JsonNode d : rule.path("data")) {
            if (d.path("refId").asString().equals(rule.path("condition").asString())) {
                assertThat(d.path("model").path("type").asString()).isEqualTo("threshold");
                evaluator = d.path("model").path("conditions").get(0).path("evaluator");
            }
        }
        assertThat(evaluator).as(uid + " threshold").isNotNull();
        String type = evaluator.path("type").asString();
        double limit = evaluator.path("params").get(0).asDouble();
        return numericData(data, uid).stream().filter(i -> switch (type) {
            case "gt" -> i.value() > limit;
            case "lt" -> i.value() < limit;
            default -> throw new AssertionError("threshold " + type + " is not checked here");
        }).map(Instance::labels).toList();
    }
}
