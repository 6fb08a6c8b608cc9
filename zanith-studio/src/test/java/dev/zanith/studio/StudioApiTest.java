package dev.zanith.studio;

import dev.zanith.Zanith;
import dev.zanith.ZanithConfig;
import dev.zanith.api.migration.DirectoryMigrationSource;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every route of the Studio's JSON API against a real PostgreSQL, through the host-neutral handler. */
@RealPostgres
class StudioApiTest {

    private static final String SOFT_DROP = "20260102000000_retire_legacy::soft_drop_column::public.accounts.legacy";

    @TempDir
    Path dir;

    private Path migrations() throws IOException {
        Path m = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(m.resolve("20260101000000_accounts.yaml"), """
                id: 20260101000000_accounts
                operations:
                  - createTable:
                      table:
                        schema: public
                        name: accounts
                        columns:
                          - {name: id, type: bigint, notNull: true}
                          - {name: legacy, type: text}
                        primaryKey: {name: accounts_pkey, columns: [id]}
                  - createTable:
                      table:
                        schema: public
                        name: orders
                        columns:
                          - {name: id, type: bigint, notNull: true}
                          - {name: account_id, type: bigint}
                          - {name: note, type: text}
                        primaryKey: {name: orders_pkey, columns: [id]}
                  - addForeignKey:
                      table: public.orders
                      foreignKey: {name: orders_account_fkey, columns: [account_id], referencedTable: accounts, referencedColumns: [id]}
                """);
        Files.writeString(m.resolve("20260102000000_retire_legacy.yaml"), """
                id: 20260102000000_retire_legacy
                operations:
                  - softDropColumn:
                      table: public.accounts
                      column: legacy
                """);
        Files.writeString(m.resolve("20260103000000_drop_note.yaml"), """
                id: 20260103000000_drop_note
                operations:
                  - dropColumn:
                      table: public.notes
                      column: body
                """);
        return m;
    }

    private Studio studio(TestDatabase db, boolean allowDestructive, WriteAccess access) throws IOException {
        db.execute("CREATE TABLE IF NOT EXISTS notes (id int PRIMARY KEY, body text);"
                + "INSERT INTO notes VALUES (1, 'kept in an artifact') ON CONFLICT DO NOTHING");
        ZanithConfig config = ZanithConfig.builder().url(db.jdbcUrl()).migrations(new DirectoryMigrationSource(migrations()))
                .maxRisk(90).allowDestructive(allowDestructive).build();
        Zanith zanith = new Zanith(config);
        return new Studio(zanith, StudioActions.of(zanith), access, "test", m -> m);
    }

    private static Answer get(Studio studio, String path) {
        return call(studio, "GET", path, Map.of());
    }

    private static Answer write(Studio studio, String method, String path) {
        return call(studio, method, path, Map.of(Studio.WRITE_HEADER, "1", "Host", "127.0.0.1:1",
                "Origin", "http://127.0.0.1:1"));
    }

    static Answer call(Studio studio, String method, String pathAndQuery, Map<String, String> headers) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        StudioResponse response = studio.handle(new StudioRequest(method, path,
                StudioRequest.parseQuery(q < 0 ? null : pathAndQuery.substring(q + 1)), headers));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            response.body().writeTo(out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return new Answer(response, out.toString(StandardCharsets.UTF_8));
    }

    record Answer(StudioResponse response, String body) {
        int status() {
            return response.status();
        }

        JsonNode json() {
            return Studio.JSON.readTree(body);
        }
    }

    private static long count(TestDatabase db, String sql) throws Exception {
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void readsOverviewPlanWithWhatIfAndWritesNothing(TestDatabase db) throws Exception {
        Studio studio = studio(db, false, WriteAccess.denied("off in this test"));
        Answer overview = get(studio, "/api/overview");
        assertThat(overview.status()).isEqualTo(200);
        assertThat(overview.json().path("pending").size()).isEqualTo(3);
        assertThat(overview.json().path("writes").path("allowed").asBoolean()).isFalse();
        assertThat(overview.json().path("writes").path("reason").asString()).isEqualTo("off in this test");
        assertThat(overview.json().path("plan").path("verdict").asString()).isEqualTo("REFUSED");
        assertThat(overview.json().path("plan").path("refusal").path("gate").asString()).isEqualTo("allow-destructive");

        Answer plan = get(studio, "/api/plan");
        assertThat(plan.status()).isEqualTo(200);
        assertThat(plan.json().path("verdict").asString()).isEqualTo("REFUSED");
        assertThat(plan.json().path("whatIf").asBoolean()).isFalse();
        assertThat(plan.json().path("refusal").path("fix").asString()).isNotBlank();

        Answer whatIf = get(studio, "/api/plan?allowDestructive=true");
        assertThat(whatIf.json().path("verdict").asString()).isEqualTo("GREEN");
        assertThat(whatIf.json().path("whatIf").asBoolean()).isTrue();
        assertThat(whatIf.json().path("configuredGates").path("allowDestructive").asBoolean()).isFalse();
        assertThat(whatIf.json().path("gates").path("allowDestructive").asBoolean()).isTrue();
        Answer stricter = get(studio, "/api/plan?allowDestructive=true&maxRisk=10");
        assertThat(stricter.json().path("verdict").asString()).isEqualTo("REFUSED");
        assertThat(stricter.json().path("refusal").path("gate").asString()).isEqualTo("max-risk");
        Answer denied = get(studio, "/api/plan?allowDestructive=true&denyReasons=drops_column_with_data");
        assertThat(denied.json().path("refusal").path("gate").asString()).isEqualTo("deny-reasons");
        assertThat(get(studio, "/api/plan?maxRisk=lots").status()).isEqualTo(400);
        Answer unknownReason = get(studio, "/api/plan?denyReasons=no_such_reason");
        assertThat(unknownReason.status()).isEqualTo(400);
        assertThat(unknownReason.json().path("message").asString()).contains("no_such_reason");

        assertThat(count(db, "SELECT count(*) FROM information_schema.tables WHERE table_name IN ('accounts', 'orders')"))
                .as("planning and what-if write nothing").isZero();
    }

    @Test
    void writesAreRefusedWithoutAccessOrFromAnotherOrigin(TestDatabase db) throws Exception {
        Studio closed = studio(db, true, WriteAccess.denied("start with --allow-writes"));
        Answer apply = write(closed, "POST", "/api/apply");
        assertThat(apply.status()).isEqualTo(403);
        assertThat(apply.json().path("error").asString()).isEqualTo("writes_disabled");
        assertThat(apply.json().path("message").asString()).isEqualTo("start with --allow-writes");
        assertThat(write(closed, "DELETE", "/api/artifacts/x?confirm=x").status()).isEqualTo(403);
        assertThat(write(closed, "POST", "/api/artifacts/x/restore").status()).isEqualTo(403);

        Studio open = studio(db, true, WriteAccess.allowed("test"));
        Answer noHeader = call(open, "POST", "/api/apply", Map.of());
        assertThat(noHeader.status()).isEqualTo(403);
        assertThat(noHeader.json().path("message").asString()).contains(Studio.WRITE_HEADER);
        Answer otherOrigin = call(open, "POST", "/api/apply", Map.of(Studio.WRITE_HEADER, "1", "Host", "127.0.0.1:1",
                "Origin", "https://evil.example"));
        assertThat(otherOrigin.status()).isEqualTo(403);
        Answer crossSite = call(open, "POST", "/api/apply", Map.of(Studio.WRITE_HEADER, "1", "Sec-Fetch-Site",
                "cross-site"));
        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(count(db, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'accounts'")).isZero();
        assertThat(call(open, "PUT", "/api/apply", Map.of()).status()).isEqualTo(405);
    }

    @Test
    void applyRefusedAnswers409AndChangesNothing(TestDatabase db) throws Exception {
        Studio studio = studio(db, false, WriteAccess.allowed("test"));
        Answer apply = write(studio, "POST", "/api/apply");
        assertThat(apply.status()).isEqualTo(409);
        assertThat(apply.json().path("refused").asBoolean()).isTrue();
        assertThat(apply.json().path("refusal").asString()).contains("allow-destructive");
        assertThat(count(db, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'accounts'")).isZero();
    }

    @Test
    void applyStreamsEventsThenHistorySnapshotsAndArtifactsReadBack(TestDatabase db) throws Exception {
        Studio studio = studio(db, true, WriteAccess.allowed("test"));
        Map<String, String> headers = new HashMap<>(Map.of(Studio.WRITE_HEADER, "1", "Accept", "text/event-stream"));
        Answer stream = call(studio, "POST", "/api/apply", headers);
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.response().streaming()).isTrue();
        assertThat(stream.response().contentType()).startsWith("text/event-stream");
        assertThat(stream.body()).contains("event: migration\ndata: {\"migrationId\":\"20260101000000_accounts\"")
                .contains("event: step\n").contains("\"status\":\"done\"").contains("event: applied\n");
        assertThat(stream.body().strip()).containsPattern("event: result\ndata: \\{\"refused\":false.*\"applied\":\\["
                + "\"20260101000000_accounts\",\"20260102000000_retire_legacy\",\"20260103000000_drop_note\"]");

        Answer history = get(studio, "/api/history");
        assertThat(history.json().size()).isEqualTo(3);
        assertThat(history.json().get(0).path("status").asString()).isEqualTo("applied");
        assertThat(get(studio, "/api/history?kind=dropColumn").json().size()).isEqualTo(1);
        assertThat(get(studio, "/api/history?status=failed").json().size()).isZero();
        assertThat(get(studio, "/api/history?from=2000-01-01&q=retire").json().size()).isEqualTo(1);
        assertThat(get(studio, "/api/history?to=2000-01-01").json().size()).isZero();
        assertThat(get(studio, "/api/history?from=yesterday").status()).isEqualTo(400);
        Answer entry = get(studio, "/api/history/20260103000000_drop_note");
        assertThat(entry.json().path("steps").get(0).path("operationKind").asString()).isEqualTo("dropColumn");
        assertThat(entry.json().path("steps").get(0).path("sql").asString()).contains("DROP COLUMN");
        assertThat(get(studio, "/api/history/nope").status()).isEqualTo(404);

        JsonNode audit = get(studio, "/api/audit").json();
        assertThat(audit.path("recent").size()).isEqualTo(3);
        assertThat(audit.path("recent").get(0).path("id").asString()).isEqualTo("20260103000000_drop_note");
        assertThat(audit.path("durationByKind").findValuesAsString("operationKind"))
                .containsExactlyInAnyOrder("createTable", "addForeignKey", "softDropColumn", "dropColumn");
        assertThat(audit.path("riskProfile").get(0).path("id").asString()).isEqualTo("20260103000000_drop_note");
        assertThat(audit.path("riskProfile").get(0).path("worstLevel").asString()).isEqualToIgnoringCase("destructive");
        assertThat(audit.path("failedLast7Days").size()).isZero();
        assertThat(audit.path("liveArtifacts").findValuesAsString("id")).contains(SOFT_DROP);

        JsonNode snapshots = get(studio, "/api/snapshots").json();
        assertThat(snapshots.size()).isGreaterThanOrEqualTo(2);
        String first = snapshots.get(0).path("id").asString();
        String last = snapshots.get(snapshots.size() - 1).path("id").asString();
        Answer models = get(studio, "/api/snapshots/" + last + "/models");
        assertThat(models.status()).isEqualTo(200);
        assertThat(models.json().path("models").findValuesAsString("name")).contains("public.orders");
        assertThat(models.body()).contains("\"table\":\"public.accounts\"");
        Answer diff = get(studio, "/api/snapshots/" + first + "/diff/" + last);
        assertThat(diff.status()).isEqualTo(200);
        assertThat(diff.body()).contains("public.orders");
        assertThat(get(studio, "/api/snapshots/999999/models").status()).isEqualTo(404);
        assertThat(get(studio, "/api/snapshots/" + first + "/diff/999999").status()).isEqualTo(404);

        Answer artifacts = get(studio, "/api/artifacts");
        assertThat(artifacts.json().findValuesAsString("id")).contains(SOFT_DROP);
        String encoded = SOFT_DROP.replace(":", "%3A");
        Answer inspect = get(studio, "/api/artifacts/" + encoded);
        assertThat(inspect.status()).isEqualTo(200);
        assertThat(inspect.json().path("dataPresent").asBoolean()).isTrue();
        assertThat(inspect.json().path("recoverySql").asString()).isNotBlank();
        Answer export = get(studio, "/api/artifacts/" + encoded + "/export?format=csv");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.response().headers().get("Content-Disposition")).contains("attachment").endsWith(".csv\"");
        assertThat(export.body()).isNotEmpty();
        assertThat(get(studio, "/api/artifacts/" + encoded + "/export?format=xml").status()).isEqualTo(400);
        assertThat(get(studio, "/api/artifacts/nope").status()).isEqualTo(404);
        assertThat(get(studio, "/api/nope").status()).isEqualTo(404);

        // restore: a column named like the parked one blocks it (409, nothing changes); then it goes through
        db.execute("ALTER TABLE accounts ADD COLUMN legacy int");
        Answer clash = write(studio, "POST", "/api/artifacts/" + encoded + "/restore");
        assertThat(clash.status()).as(clash.body()).isEqualTo(409);
        assertThat(clash.json().path("message").asString()).contains("legacy");
        db.execute("ALTER TABLE accounts DROP COLUMN legacy");
        Answer restore = write(studio, "POST", "/api/artifacts/" + encoded + "/restore");
        assertThat(restore.status()).as(restore.body()).isEqualTo(200);
        assertThat(count(db, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'accounts' "
                + "AND column_name = 'legacy'")).isEqualTo(1);
        assertThat(get(studio, "/api/history?status=restore").json().size()).isEqualTo(1);

        String dropped = get(studio, "/api/artifacts").json().findValuesAsString("id").stream()
                .filter(id -> id.contains("drop_column")).findFirst().orElseThrow();
        String droppedPath = dropped.replace(":", "%3A");
        Answer unconfirmed = write(studio, "DELETE", "/api/artifacts/" + droppedPath);
        assertThat(unconfirmed.status()).isEqualTo(400);
        assertThat(get(studio, "/api/artifacts/" + droppedPath).status()).isEqualTo(200);
        Answer purge = write(studio, "DELETE", "/api/artifacts/" + droppedPath + "?confirm=" + droppedPath);
        assertThat(purge.status()).as(purge.body()).isEqualTo(200);
        assertThat(get(studio, "/api/artifacts/" + droppedPath).status()).isEqualTo(404);
        assertThat(write(studio, "DELETE", "/api/artifacts/" + droppedPath + "?confirm=" + droppedPath).status())
                .isEqualTo(404);
    }

    @Test
    void servesThePageAndItsAssetsOnly(TestDatabase db) throws Exception {
        Studio studio = studio(db, false, WriteAccess.denied("off"));
        Answer page = get(studio, "/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.response().contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<script type=\"module\"");
        for (String asset : List.of("app.js", "ui.js", "overview.js", "plan.js", "history.js", "schema.js",
                "artifacts.js", "audit.js", "studio.css")) {
            assertThat(get(studio, "/assets/" + asset).status()).as(asset).isEqualTo(200);
        }
        assertThat(get(studio, "/assets/..%2Fpom.xml").status()).isEqualTo(404);
        assertThat(get(studio, "/assets/missing.js").status()).isEqualTo(404);
        assertThat(get(studio, "/nothing-here").status()).isEqualTo(404);
    }
}
