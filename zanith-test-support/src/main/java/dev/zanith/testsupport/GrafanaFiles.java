package dev.zanith.testsupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Grafana dashboard, alert rules and provisioning examples shipped in the repository's {@code grafana/} folder,
 * parsed, for the tests that check them against a real database (zanith-core), the starter's meters
 * (zanith-spring-boot-autoconfigure) and the CLI's risk pills (zanith-cli).
 */
public final class GrafanaFiles {

    /** The dashboard JSON, relative to {@link #directory()}. */
    public static final String DASHBOARD = "zanith-dashboard.json";
    /** The Prometheus alerting rules, relative to {@link #directory()}. */
    public static final String PROMETHEUS_RULES = "prometheus/zanith-alerts.yml";
    /** The Grafana-managed alert rules (provisioning format), relative to {@link #directory()}. */
    public static final String GRAFANA_ALERT_RULES = "provisioning/alerting/zanith-audit.yaml";
    /** The data source provisioning example, relative to {@link #directory()}. */
    public static final String DATASOURCES = "provisioning/datasources/zanith.yaml";
    /** The dashboard provider provisioning example, relative to {@link #directory()}. */
    public static final String DASHBOARD_PROVIDERS = "provisioning/dashboards/zanith.yaml";

    /** Grafana's plugin id of its PostgreSQL data source (alias {@code postgres} in older Grafana). */
    public static final String POSTGRES_TYPE = "grafana-postgresql-datasource";
    public static final String PROMETHEUS_TYPE = "prometheus";

    private GrafanaFiles() {
    }

    /** The repository's {@code grafana/} folder: the nearest one above the working directory (a module's folder). */
    public static Path directory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("grafana").resolve(DASHBOARD))) {
                return dir.resolve("grafana");
            }
        }
        throw new IllegalStateException("No grafana/" + DASHBOARD + " above " + Path.of("").toAbsolutePath());
    }

    public static JsonNode dashboard() {
        return JsonMapper.builder().build().readTree(directory().resolve(DASHBOARD).toFile());
    }

    /** A YAML file of {@code grafana/}, e.g. {@link #PROMETHEUS_RULES}. */
    public static JsonNode yaml(String file) {
        return YAMLMapper.builder().build().readTree(directory().resolve(file).toFile());
    }

    /** Every panel that shows data (rows left out, the panels inside collapsed rows included), in order. */
    public static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if ("row".equals(panel.path("type").asString())) {
                panel.path("panels").forEach(panels::add);
            } else {
                panels.add(panel);
            }
        }
        return panels;
    }

    /** The dashboard variables ({@code templating.list}). */
    public static List<JsonNode> variables(JsonNode dashboard) {
        List<JsonNode> variables = new ArrayList<>();
        dashboard.path("templating").path("list").forEach(variables::add);
        return variables;
    }

    /**
     * Every PromQL expression shipped: the dashboard's Prometheus targets and Prometheus query variables, and the
     * {@code expr} of every Prometheus alerting rule. Each comes with where it is, for messages.
     */
    public static List<Expression> prometheusExpressions() {
        List<Expression> expressions = new ArrayList<>();
        JsonNode dashboard = dashboard();
        for (JsonNode panel : panels(dashboard)) {
            for (JsonNode target : panel.path("targets")) {
                if (PROMETHEUS_TYPE.equals(target.path("datasource").path("type").asString())) {
                    expressions.add(new Expression("panel '" + panel.path("title").asString() + "' "
                            + target.path("refId").asString(), target.path("expr").asString()));
                }
            }
        }
        for (JsonNode variable : variables(dashboard)) {
            if (PROMETHEUS_TYPE.equals(variable.path("datasource").path("type").asString())) {
                JsonNode query = variable.path("query");
                expressions.add(new Expression("variable " + variable.path("name").asString(),
                        query.isString() ? query.asString() : query.path("query").asString()));
            }
        }
        for (JsonNode group : yaml(PROMETHEUS_RULES).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                expressions.add(new Expression("rule " + rule.path("alert").asString(), rule.path("expr").asString()));
            }
        }
        return expressions;
    }

    /** A PromQL expression and where it is written. */
    public record Expression(String where, String promql) {
    }
}
