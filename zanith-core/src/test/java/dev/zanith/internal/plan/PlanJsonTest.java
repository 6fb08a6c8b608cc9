package dev.zanith.internal.plan;

import dev.zanith.api.output.Plan;
import dev.zanith.api.output.PlanJson;
import dev.zanith.api.output.RawSqlObservation;
import dev.zanith.internal.plan.Plans;
import dev.zanith.api.ops.AddCheckConstraint;
import dev.zanith.api.ops.DropColumn;
import dev.zanith.api.ops.SetNotNull;
import dev.zanith.api.schema.CheckConstraint;
import dev.zanith.api.schema.TableName;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON shape is the documented one (docs/PLAN-JSON.md), key for key, in both directions. */
@RealPostgres
class PlanJsonTest {

    @Test
    void everyKeyIsDocumentedAndEveryDocumentedKeyIsThere(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE t (id int PRIMARY KEY, email text, legacy text, n int);"
                + "INSERT INTO t VALUES (1, NULL, 'x', 1)");
        TableName t = new TableName("public", "t");
        Plan plan = Plans.plan(db, Plans.timeout(Duration.ofMillis(300)), new SetNotNull(t, "email"),
                new DropColumn(t, "legacy", null), new AddCheckConstraint(t, new CheckConstraint("slow",
                        "n > (SELECT 0 FROM pg_sleep(1))", true, false), false));
        JsonNode json = JsonMapper.builder().build().readTree(PlanJson.toJson(plan, List.of(new RawSqlObservation("m", 1,
                List.of("addIndex"), Map.of("public.t", "SHARE"), false, "medium 30 (raw_sql, adds_index)"))));
        Set<String> paths = new LinkedHashSet<>();
        collect(json, "", paths);
        String doc = Files.readString(Path.of("..", "docs", "PLAN-JSON.md"), StandardCharsets.UTF_8);
        Set<String> documented = new LinkedHashSet<>();
        Matcher m = Pattern.compile("(?m)^\\| `([^`]+)` \\|").matcher(doc);
        while (m.find()) {
            documented.add(m.group(1));
        }
        assertThat(paths).as("keys missing from docs/PLAN-JSON.md").isSubsetOf(documented);
        assertThat(documented).as("documented keys the JSON does not have").isSubsetOf(paths);
        assertThat(json.get("formatVersion").asInt()).isEqualTo(Plan.FORMAT_VERSION);
        assertThat(json.get("verdict").asString()).isEqualTo("REFUSED");
        assertThat(json.get("refusal").get("gate").asString()).isEqualTo("preflight");
        assertThat(json.get("migrations").get(0).get("steps").get(0).get("preflight").get(0).get("samples").get(0)
                .asString()).isEqualTo("1");
    }

    private static void collect(JsonNode node, String path, Set<String> paths) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                paths.add(child);
                collect(field.getValue(), child, paths);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                if (element.isObject()) {
                    collect(element, path + "[]", paths);
                }
            }
        }
    }
}
