package dev.zanith.spring.autoconfigure;

import dev.zanith.spring.autoconfigure.metrics.ZanithMetricsAutoConfiguration;
import dev.zanith.testsupport.GrafanaFiles;
import dev.zanith.testsupport.PostgresServer;
import dev.zanith.testsupport.TestDatabase;
import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metric names in grafana/ (the dashboard's Prometheus panels and variables, the Prometheus alerting rules) are the
 * names Prometheus scrapes from an application using the starter: read from a running context with Spring Boot's
 * Prometheus export, rendered by micrometer-registry-prometheus, never derived by hand.
 */
class GrafanaMetricNamesTest {

    /** A metric name in PromQL (every Zanith meter starts with zanith_). */
    private static final Pattern METRIC = Pattern.compile("\\bzanith_[a-z0-9_]+\\b");
    /** A selector's label matchers: {@code metric{a="x", b=~"y"}}. */
    private static final Pattern SELECTOR = Pattern.compile("(zanith_[a-z0-9_]+)\\s*\\{([^}]*)}");
    private static final Pattern MATCHER = Pattern.compile("(\\w+)\\s*(?:=~|!~|!=|=)");
    /** Labels named by aggregation and vector matching: {@code by (a, b)}, {@code without (a)}, {@code on (a)}. */
    private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without|on|ignoring)\\s*\\(([^)]*)\\)");
    /** Labels Prometheus attaches to every scraped sample itself. */
    private static final Set<String> TARGET_LABELS = Set.of("job", "instance");
    /** A sample line of the text exposition format: name, optional labels. */
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"");

    private TestDatabase db;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MetricsAutoConfiguration.class,
                    PrometheusMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
                    ZanithAutoConfiguration.class, ZanithMetricsAutoConfiguration.class));

    @BeforeEach
    void database() {
        db = PostgresServer.shared().createDatabase("grafana");
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void everyMetricTheDashboardAndTheAlertRulesUseIsScrapedFromTheStarter() {
        // A backfill (step timer, row counter) and then a migration the gates refuse while the application carries on.
        runner.withPropertyValues("spring.datasource.url=" + db.jdbcUrl(),
                        "zanith.locations=classpath:scenarios/background,classpath:scenarios/refused-after-backfill",
                        "zanith.on-refusal=warn")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    PrometheusMeterRegistry registry = context.getBean(PrometheusMeterRegistry.class);
                    Map<String, Set<String>> scraped = samples(registry.scrape());
                    assertThat(scraped).containsKeys("zanith_backfill_rows_total", "zanith_step_duration_seconds_count",
                            "zanith_migrations_refused");

                    List<GrafanaFiles.Expression> expressions = GrafanaFiles.prometheusExpressions();
                    assertThat(expressions).extracting(GrafanaFiles.Expression::where)
                            .anyMatch(w -> w.startsWith("panel")).anyMatch(w -> w.startsWith("rule"))
                            .anyMatch(w -> w.startsWith("variable"));
                    Set<String> used = new LinkedHashSet<>();
                    for (GrafanaFiles.Expression expression : expressions) {
                        List<String> names = names(expression.promql());
                        assertThat(names).as(expression.where() + " uses a Zanith metric").isNotEmpty();
                        assertThat(scraped.keySet()).as(expression.where() + ": " + expression.promql())
                                .containsAll(names);
                        used.addAll(names);
                        Set<String> labels = new LinkedHashSet<>();
                        names.forEach(n -> labels.addAll(scraped.get(n)));
                        Matcher selector = SELECTOR.matcher(expression.promql());
                        while (selector.find()) {
                            Set<String> matched = labelNames(MATCHER, selector.group(2));
                            matched.removeAll(TARGET_LABELS);
                            assertThat(scraped.get(selector.group(1))).as(expression.where() + " selector labels")
                                    .containsAll(matched);
                        }
                        Matcher grouping = GROUPING.matcher(expression.promql());
                        while (grouping.find()) {
                            Set<String> grouped = new LinkedHashSet<>(List.of(grouping.group(1).split("\\s*,\\s*")));
                            grouped.removeAll(TARGET_LABELS);
                            assertThat(labels).as(expression.where() + " grouping labels").containsAll(grouped);
                        }
                    }
                    // Every meter of the starter is on the dashboard or in a rule, under the name Prometheus gives it.
                    for (Meter meter : registry.getMeters()) {
                        if (meter.getId().getName().startsWith("zanith.")) {
                            String base = registry.config().namingConvention().name(meter.getId().getName(),
                                    meter.getId().getType(), meter.getId().getBaseUnit());
                            assertThat(used).as(meter.getId().getName() + " (" + base + ")")
                                    .anyMatch(name -> name.startsWith(base));
                        }
                    }
                });
    }

    /** Metric names in a PromQL expression, in order of appearance. */
    private static List<String> names(String promql) {
        List<String> names = new ArrayList<>();
        Matcher m = METRIC.matcher(promql);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }

    private static Set<String> labelNames(Pattern pattern, String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Sample name → the label names its samples carry, from a scrape in the text exposition format. */
    private static Map<String, Set<String>> samples(String scrape) {
        Map<String, Set<String>> samples = new HashMap<>();
        for (String line : scrape.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (!line.startsWith("#") && m.find()) {
                Set<String> labels = samples.computeIfAbsent(m.group(1), k -> new LinkedHashSet<>());
                if (m.group(2) != null) {
                    labels.addAll(labelNames(LABEL, m.group(2)));
                }
            }
        }
        return samples;
    }
}
