package dev.zanith.internal.risk;

import dev.zanith.api.ops.CreateMaterializedView;
import dev.zanith.api.ops.CreateView;
import dev.zanith.api.ops.DropMaterializedView;
import dev.zanith.api.ops.DropView;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.ops.RefreshMaterializedView;
import dev.zanith.api.ops.ReplaceView;
import dev.zanith.api.risk.LockMode;
import dev.zanith.api.risk.ReasonCode;
import dev.zanith.api.risk.TableLock;
import dev.zanith.api.schema.Index;
import dev.zanith.api.schema.TableName;
import dev.zanith.api.schema.View;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@link RiskModel}'s part for views and materialized views. The locks are PostgreSQL's (observed by
 * {@code RiskObservationTest}): defining a view's query takes ACCESS SHARE on every relation it reads; CREATE OR
 * REPLACE VIEW, DROP VIEW and DROP MATERIALIZED VIEW take ACCESS EXCLUSIVE on the view only; computing a materialized
 * view (CREATE ... WITH DATA, REFRESH) reads every relation it names under ACCESS SHARE; a plain REFRESH holds ACCESS
 * EXCLUSIVE on the materialized view while the query runs and swaps in new storage (a rewrite: readers wait), while
 * REFRESH ... CONCURRENTLY holds EXCLUSIVE (readers go on) and reads the old rows to apply the difference.
 */
final class ViewRisk {

    private ViewRisk() {
    }

    static void classify(RiskModel.Scoring s, Operation op) {
        if (op instanceof CreateView o) {
            reads(s, o.view().dependsOn(), TableLock.BRIEF);
            s.reason(ReasonCode.CREATES_VIEW).note("a new view: defining it reads only the catalog; the tables it "
                    + "reads are locked ACCESS SHARE for a moment").score(2);
        } else if (op instanceof ReplaceView o) {
            reads(s, o.view().dependsOn(), TableLock.BRIEF);
            s.reason(ReasonCode.REPLACES_VIEW).lock(o.view().qualifiedName(), LockMode.ACCESS_EXCLUSIVE, TableLock.BRIEF)
                    .note("CREATE OR REPLACE VIEW: queries on the view wait for a moment; views over it stay, and "
                            + "its columns keep their names and types (new ones are appended)").score(10);
        } else if (op instanceof DropView o) {
            s.reason(ReasonCode.DROPS_VIEW).lock(o.view(), LockMode.ACCESS_EXCLUSIVE, TableLock.BRIEF).breaksClients(true);
            dropped(s, o.view(), "view");
        } else if (op instanceof DropMaterializedView o) {
            s.reason(ReasonCode.DROPS_VIEW).lock(o.view(), LockMode.ACCESS_EXCLUSIVE, TableLock.BRIEF).breaksClients(true)
                    .note("its rows are derived from its query: re-creating it WITH DATA computes them again");
            dropped(s, o.view(), "materialized view");
        } else if (op instanceof CreateMaterializedView o) {
            s.reason(ReasonCode.CREATES_VIEW);
            if (o.view().withNoData()) {
                reads(s, o.view().dependsOn(), TableLock.BRIEF);
                s.scan(false).note("WITH NO DATA: nothing is computed; the materialized view cannot be read until it "
                        + "is refreshed").score(2);
            } else {
                reads(s, o.view().dependsOn(), TableLock.SCAN);
                s.reason(ReasonCode.REFRESHES_MATERIALIZED_VIEW).scan(true)
                        .note("WITH DATA: runs its query now, reading the tables under ACCESS SHARE (writes go on)");
                sizedByReads(s, o.view().dependsOn(), 2, 10, 25, 35);
            }
        } else if (op instanceof RefreshMaterializedView o) {
            refresh(s, o);
        } else {
            throw new IllegalArgumentException("not a view operation: " + op.kind());
        }
    }

    private static void refresh(RiskModel.Scoring s, RefreshMaterializedView o) {
        Optional<View> view = s.context.graph().view(o.view());
        List<View.ViewDependency> reads = view.map(View::dependsOn).orElse(List.of());
        s.reason(ReasonCode.REFRESHES_MATERIALIZED_VIEW).scan(true);
        reads(s, reads, TableLock.SCAN);
        if (o.concurrently()) {
            s.lock(o.view(), LockMode.EXCLUSIVE, TableLock.SCAN).rewrite(false)
                    .note("CONCURRENTLY: holds EXCLUSIVE on the materialized view (its readers go on) while the query "
                            + "runs and the difference is applied row by row");
            if (view.isPresent() && view.get().indexes().stream().noneMatch(ViewRisk::allowsConcurrentRefresh)) {
                s.note("fails: REFRESH ... CONCURRENTLY needs a unique index on the materialized view without a WHERE "
                        + "clause").hint("add a unique index on the materialized view first, or refresh plainly");
            }
            if (view.isPresent() && view.get().withNoData()) {
                s.note("fails: a materialized view WITH NO DATA cannot be refreshed concurrently the first time");
            }
            sizedByReads(s, reads, 5, 15, 25, 35);
        } else {
            s.lock(o.view(), LockMode.ACCESS_EXCLUSIVE, TableLock.REWRITE).rewrite(true)
                    .note("holds ACCESS EXCLUSIVE on the materialized view while its query runs and new storage is "
                            + "swapped in: every read of it waits")
                    .hint("with a unique index on the materialized view, REFRESH ... CONCURRENTLY lets readers go on");
            sizedByReads(s, reads, 10, 20, 65, 75);
        }
    }

    /** A unique, non-partial index on plain columns or expressions: what REFRESH ... CONCURRENTLY requires. */
    static boolean allowsConcurrentRefresh(Index index) {
        return index.unique() && index.predicate() == null && index.valid();
    }

    private static void dropped(RiskModel.Scoring s, TableName view, String kind) {
        s.note("queries naming the " + kind + " fail until it is created again; RESTRICT: fails while another view "
                + "reads it");
        s.score(15);
    }

    private static void reads(RiskModel.Scoring s, List<View.ViewDependency> relations, String held) {
        if (relations.isEmpty() && !(s.op instanceof RefreshMaterializedView)) {
            s.note("the step does not list what its query reads (dependsOn): the tables it names are locked ACCESS "
                    + "SHARE too, and this plan cannot name them");
        }
        for (View.ViewDependency dependency : relations) {
            s.lock(dependency.relation(), LockMode.ACCESS_SHARE, held);
        }
    }

    /** Scores by the largest relation the query reads (their sizes decide how long it runs). */
    private static void sizedByReads(RiskModel.Scoring s, List<View.ViewDependency> relations, int empty, int small,
                                     int large, int huge) {
        Optional<TableName> largest = relations.stream().map(View.ViewDependency::relation)
                .max(Comparator.comparing(t -> s.context.tier(t)));
        if (largest.isEmpty()) {
            s.score(small);
            return;
        }
        s.sized(largest.get(), empty, small, large, huge);
    }
}
