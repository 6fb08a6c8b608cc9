package dev.zanith.internal.risk;

import dev.zanith.api.ops.CreateTrigger;
import dev.zanith.api.ops.DisableTrigger;
import dev.zanith.api.ops.DropFunction;
import dev.zanith.api.ops.DropTrigger;
import dev.zanith.api.ops.EnableTrigger;
import dev.zanith.api.ops.ReplaceFunction;
import dev.zanith.api.ops.ReplaceTrigger;
import dev.zanith.api.risk.LockMode;
import dev.zanith.api.risk.ReasonCode;
import dev.zanith.api.risk.TableLock;
import dev.zanith.api.schema.Routine;
import dev.zanith.api.schema.Table;
import dev.zanith.api.schema.TableName;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link RiskModel}'s rows for routines and triggers. Observed on real servers (RiskObservationTest): CREATE, CREATE OR
 * REPLACE and DROP of a function or procedure lock no table; CREATE TRIGGER, CREATE OR REPLACE TRIGGER and ALTER TABLE
 * ... ENABLE / DISABLE TRIGGER take SHARE ROW EXCLUSIVE on the table (writes wait, reads go on); DROP TRIGGER takes
 * ACCESS EXCLUSIVE; CREATE and DROP EVENT TRIGGER lock no table. None rewrites or scans a table.
 */
final class RoutineRisk {

    private RoutineRisk() {
    }

    static void classify(RiskModel.Scoring s) {
        switch (s.op.kind()) {
            case CREATE_FUNCTION -> s.reason(ReasonCode.CREATES_FUNCTION)
                    .note("a new routine: no table is locked, nothing calls it yet").score(2);
            case REPLACE_FUNCTION -> replaceFunction(s, (ReplaceFunction) s.op);
            case DROP_FUNCTION -> dropFunction(s, (DropFunction) s.op);
            case CREATE_TRIGGER -> trigger(s, ReasonCode.ADDS_TRIGGER, ((CreateTrigger) s.op).trigger().qualifiedTable(),
                    "every later write the trigger matches runs its function", 8);
            case REPLACE_TRIGGER -> trigger(s, ReasonCode.REPLACES_TRIGGER, ((ReplaceTrigger) s.op).trigger()
                    .qualifiedTable(), "swapped in one statement: no write slips between an old and a new trigger", 10);
            case DROP_TRIGGER -> {
                TableName table = ((DropTrigger) s.op).table();
                s.reason(ReasonCode.DROPS_TRIGGER).lock(table, LockMode.ACCESS_EXCLUSIVE, TableLock.BRIEF)
                        .note("whatever the trigger did on each write (audit rows, derived values, checks) stops")
                        .score(s.context.isNewTable(table) ? 5 : 20);
            }
            case ENABLE_TRIGGER -> trigger(s, ReasonCode.CHANGES_TRIGGER_STATE, ((EnableTrigger) s.op).table(),
                    "the trigger fires again from the next write (" + ((EnableTrigger) s.op).mode() + "); writes made "
                            + "while it was disabled are not revisited", 10);
            case DISABLE_TRIGGER -> trigger(s, ReasonCode.CHANGES_TRIGGER_STATE, ((DisableTrigger) s.op).table(),
                    "the trigger stops firing: whatever it did on each write stops until it is enabled again", 20);
            case CREATE_EVENT_TRIGGER -> s.reason(ReasonCode.ADDS_EVENT_TRIGGER)
                    .note("no table is locked; from now on it runs on every matching DDL command in the database, "
                            + "later migrations' included: a failing event trigger makes that DDL fail").score(12);
            case DROP_EVENT_TRIGGER -> s.reason(ReasonCode.DROPS_EVENT_TRIGGER)
                    .note("no table is locked; whatever it did on DDL (auditing, guarding) stops").score(15);
            default -> throw new IllegalArgumentException("not a routine or trigger operation: " + s.op.kind());
        }
    }

    private static void trigger(RiskModel.Scoring s, ReasonCode reason, TableName table, String note, int score) {
        s.reason(reason).lock(table, LockMode.SHARE_ROW_EXCLUSIVE, TableLock.BRIEF)
                .note("SHARE ROW EXCLUSIVE: writes to " + table + " wait for the catalog change, reads go on").note(note)
                .score(s.context.isNewTable(table) ? Math.min(score, 5) : score);
    }

    private static void replaceFunction(RiskModel.Scoring s, ReplaceFunction op) {
        s.reason(ReasonCode.REPLACES_FUNCTION).breaksClients(false)
                .note("no table is locked; every call from the next one on runs the new definition");
        List<String> stored = storedResults(s, op.routine());
        if (stored.isEmpty()) {
            s.score(10);
            return;
        }
        s.reason(ReasonCode.FUNCTION_CHANGE_NOT_RECHECKED)
                .note("existing rows are not re-checked and index entries are not recomputed: " + String.join(", ", stored)
                        + " keep what the old definition computed")
                .hint("if the result changes for existing values, re-validate the CHECK (drop and add it NOT VALID, then "
                        + "validateConstraint) and rebuild the index (REINDEX INDEX CONCURRENTLY)")
                .score(40);
    }

    /** The CHECK constraints and indexes whose stored outcome depends on {@code routine}, named for a note. */
    private static List<String> storedResults(RiskModel.Scoring s, Routine routine) {
        String call = routine.callPrefix();
        List<String> uses = new ArrayList<>();
        for (Table table : s.context.graph().tables()) {
            table.checkConstraints().stream().filter(c -> c.expression().contains(call))
                    .forEach(c -> uses.add("CHECK " + c.name() + " on " + table.qualifiedName()));
            table.indexes().stream().filter(i -> i.keys().stream().anyMatch(k -> k.contains(call))
                            || (i.predicate() != null && i.predicate().contains(call)))
                    .forEach(i -> uses.add("index " + i.name() + " on " + table.qualifiedName()));
        }
        return uses;
    }

    private static void dropFunction(RiskModel.Scoring s, DropFunction op) {
        s.reason(ReasonCode.DROPS_FUNCTION).breaksClients(true)
                .note("no table is locked; fails while a default, CHECK, index, trigger or view still uses it (no "
                        + "CASCADE); application code calling it fails from then on")
                .score(30);
    }
}
