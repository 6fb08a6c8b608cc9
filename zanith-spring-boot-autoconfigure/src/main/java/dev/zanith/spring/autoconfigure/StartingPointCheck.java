package dev.zanith.spring.autoconfigure;

import dev.zanith.api.BaselineRequest;
import dev.zanith.api.output.BaselineResult;
import dev.zanith.api.output.ForeignHistory;
import dev.zanith.api.output.StartingPoint;
import dev.zanith.api.output.MigrationTool;
import dev.zanith.Zanith;
import dev.zanith.api.exception.ZanithException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Before the first plan at startup: a database Zanith has no history of is either empty (migrate it), managed by
 * Flyway or Liquibase (refuse, naming the exact {@code zanith adopt} command: running the migrations again would
 * repeat what that tool ran), or holds tables (baseline it with {@code zanith.baseline-on-migrate}, else refuse
 * naming both options). In {@code plan-only} mode nothing is written: the same findings are logged as warnings.
 */
final class StartingPointCheck {

    private static final Logger LOG = LoggerFactory.getLogger(StartingPointCheck.class);
    private static final int TABLES_NAMED = 5;

    private final ZanithProperties properties;

    StartingPointCheck(ZanithProperties properties) {
        this.properties = properties;
    }

    /** @throws ZanithStartupException when startup must not run migrations over this database */
    void check(Zanith zanith) {
        StartingPoint start = zanith.startingPoint();
        if (start.zanithHistory()) {
            return;
        }
        boolean write = properties.getMode() == ZanithProperties.Mode.APPLY;
        if (!start.foreignHistories().isEmpty()) {
            ForeignHistory history = start.foreignHistories().get(0);
            String tool = history.tool().displayName();
            String description = "The database has " + tool + "'s history table " + history.qualifiedName()
                    + " and no Zanith history: running Zanith's migrations now would run again what " + tool
                    + " already ran.";
            String action = "Take over " + tool + "'s history (a dry run; add --execute to record it, the "
                    + history.qualifiedName() + " table stays untouched):\n    " + adoptCommand(start, history)
                    + "\nthen start the application again. " + (history.tool() == MigrationTool.FLYWAY
                    ? "--migrations is the directory of the Flyway scripts (zanith.locations must name it too: the "
                    + "scripts are Zanith migrations as they are). " : "")
                    + "See \"Coming from Flyway or Liquibase\" in the README.";
            if (!write) {
                LOG.warn("Zanith: {} {}", description, action);
                return;
            }
            throw new ZanithStartupException("Zanith will not migrate a database " + tool + " manages", description,
                    action);
        }
        if (!start.needsBaseline()) {
            return;
        }
        String tables = describe(start.userTables());
        if (properties.isBaselineOnMigrate()) {
            if (!write) {
                LOG.warn("Zanith: {} hold(s) data and there is no Zanith history; plan-only mode records no baseline "
                        + "(zanith.baseline-on-migrate applies in apply mode)", tables);
                return;
            }
            baseline(zanith, tables);
            return;
        }
        String description = "The database holds " + tables + " but has no Zanith history, so Zanith cannot tell "
                + "which migrations its schema already reflects and will not run them over it.";
        String action = "Record the live schema as Zanith's starting point: set zanith.baseline-on-migrate=true, with "
                + "zanith.baseline-id=<id of the last migration file this database already reflects> (default "
                + BaselineRequest.DEFAULT_ID + ": every migration file runs after the baseline); or run once: "
                + "zanith baseline --url " + start.url() + " --id <ID>";
        if (!write) {
            LOG.warn("Zanith: {} {}", description, action);
            return;
        }
        throw new ZanithStartupException("Zanith will not migrate a database it has no history of", description, action);
    }

    private void baseline(Zanith zanith, String tables) {
        try {
            BaselineResult result = zanith.baseline(new BaselineRequest(properties.getBaselineId(),
                    "zanith.baseline-on-migrate at startup", false));
            LOG.info("Zanith: recorded baseline {} of {} table(s) (zanith.baseline-on-migrate); migration files sorting "
                    + "at or before it count as applied", result.id(), result.tables());
        } catch (ZanithException e) {
            // Another instance starting at the same time may have recorded it first (baseline re-checks under the
            // apply lock); then there is history now and startup carries on.
            if (!zanith.startingPoint().zanithHistory()) {
                throw new ZanithStartupException("Zanith could not record the baseline", "zanith.baseline-on-migrate "
                        + "could not baseline " + tables + ": " + StarterMessages.forStarter(e.getMessage()),
                        "Fix the cause named above, or run zanith baseline from the CLI.");
            }
            LOG.info("Zanith: another instance recorded the baseline first");
        }
    }

    private static String describe(List<String> tables) {
        String named = String.join(", ", tables.subList(0, Math.min(TABLES_NAMED, tables.size())));
        return tables.size() + " table(s) (" + named + (tables.size() > TABLES_NAMED ? ", ..." : "") + ")";
    }

    /** The adopt command for this application: its database, its first migration location, the table found. */
    private String adoptCommand(StartingPoint start, ForeignHistory history) {
        String tool = history.tool().id();
        return "zanith adopt " + tool + " --url " + start.url() + " --migrations " + directory()
                + " --" + tool + "-schema " + history.schema() + " --" + tool + "-table " + history.table();
    }

    /** The first migration location as a directory of the project: classpath: locations live in src/main/resources. */
    private String directory() {
        String location = properties.getLocations().isEmpty() ? "classpath:db/zanith/migrations"
                : properties.getLocations().get(0);
        if (location.startsWith("classpath:")) {
            String path = location.substring("classpath:".length()).replaceFirst("^/+", "");
            return "src/main/resources/" + path;
        }
        return location.startsWith("file:") ? location.substring("file:".length()) : location;
    }
}
