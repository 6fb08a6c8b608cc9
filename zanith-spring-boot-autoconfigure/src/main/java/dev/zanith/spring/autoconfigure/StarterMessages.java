package dev.zanith.spring.autoconfigure;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Zanith's engine phrases its advice for the command line ({@code --allow-destructive}, {@code zanith recover
 * purge ID}). Everything the starter shows — a startup failure, the endpoint's answers, health — passes through
 * here first, so that a Spring user is told the property, endpoint call or bean method that does the same, with
 * the CLI form kept in brackets only where it helps. The one place that knows both vocabularies.
 */
public final class StarterMessages {

    /** A CLI phrase and what a starter user reads instead ({@code $1} ... refer to the phrase's groups). */
    private record Rule(Pattern phrase, String replacement) {
    }

    private static final String ID = "([^\\s),;]+?)";
    private static final String END = "(?=[\\s),;]|\\.(?:\\s|$)|$)";

    private static final List<Rule> RULES = List.of(
            rule("consent with --allow-destructive \\(zanith\\.allow-destructive=true\\)",
                    "consent with zanith.allow-destructive=true"),
            rule("zanith repair --accept-checksum " + ID + END,
                    "zanith.acceptChecksum(\"$1\") on the Zanith bean (from a ZanithMigrationStrategy that then migrates), "
                            + "or the CLI's zanith repair --accept-checksum $1 against this database"),
            rule("zanith recover export " + ID + " --format csv --accept-changed-data",
                    "the CLI's zanith recover export $1 --format csv --accept-changed-data; the endpoint does not export"),
            rule("with --accept-changed-data", "with POST /actuator/zanith/artifacts/{id}/accept-changed-data"),
            rule("--accept-changed-data", "POST /actuator/zanith/artifacts/{id}/accept-changed-data"),
            rule("zanith recover purge " + ID + END, "DELETE /actuator/zanith/artifacts/$1"),
            rule("zanith recover inspect " + ID + END, "GET /actuator/zanith/artifacts/$1"),
            rule("zanith recover restore-(?:column|table) " + ID + END,
                    "POST /actuator/zanith/artifacts/{artifact id} (GET /actuator/zanith/artifacts lists the ids)"),
            rule("zanith recover restore-(?:column|table)(?= brings it back)",
                    "POST /actuator/zanith/artifacts/{artifact id}"),
            rule("run zanith plan again and review it", "review the fresh plan: GET /actuator/zanith/risk?refresh=true"),
            rule("zanith snapshot list", "GET /actuator/zanith/snapshots"),
            rule("pass --migrations DIR \\(or configure a migration location\\)", "set zanith.locations"),
            rule("pass --migrations DIR", "set zanith.locations"),
            rule("--lock-wait \\(zanith\\.advisory-lock-wait\\)", "zanith.advisory-lock-wait"),
            rule("check --url, --audit-schema and --table-prefix",
                    "check zanith.url, zanith.audit-schema and zanith.table-prefix"),
            rule("--shadow database", "zanith.shadow=database"),
            rule("--shadow schema", "zanith.shadow=schema"),
            rule("--shadow <url>", "zanith.shadow=<jdbc url>"),
            rule("--(max-risk|allow-destructive|deny-reasons|lock-timeout|statement-timeout|artifact-retention"
                    + "|audit-schema|table-prefix|archive-schema)\\b", "zanith.$1"));

    private StarterMessages() {
    }

    private static Rule rule(String phrase, String replacement) {
        return new Rule(Pattern.compile(phrase), replacement);
    }

    /** {@code message} in the starter's vocabulary; null stays null. */
    public static String forStarter(String message) {
        if (message == null) {
            return null;
        }
        String text = message;
        for (Rule rule : RULES) {
            Matcher matcher = rule.phrase().matcher(text);
            text = matcher.replaceAll(rule.replacement());
        }
        return text;
    }
}
