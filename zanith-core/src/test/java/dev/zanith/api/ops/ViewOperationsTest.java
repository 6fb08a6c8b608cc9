package dev.zanith.api.ops;

import dev.zanith.api.schema.Index;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.TableName;
import dev.zanith.api.schema.View;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The view operations without a database: their SQL, reversals, schema effects and field checks. */
class ViewOperationsTest {

    private static final TableName NAME = new TableName("public", "paid");
    private static final View PAID = new View("public", "paid", false, "SELECT id, total FROM public.orders",
            List.of(new View.ViewColumn("id", "bigint"), new View.ViewColumn("total", "numeric")),
            List.of("security_barrier=true"), false, List.of(), List.of(), "paid orders");
    private static final View PAID_MORE = new View("public", "paid", false, "SELECT id, total, note FROM public.orders",
            List.of(new View.ViewColumn("id", "bigint"), new View.ViewColumn("total", "numeric"),
                    new View.ViewColumn("note", "text")), List.of(), false, List.of(), List.of(), "paid orders");
    private static final View STATS = new View("public", "stats", true, "SELECT count(*) AS n FROM public.orders",
            List.of(new View.ViewColumn("n", "bigint")), List.of(), true,
            List.of(Index.of("stats_n", List.of("n"))), List.of(), null);

    @Test
    void rendersWhatPostgresqlTakes() {
        assertThat(new CreateView(PAID).render(RenderContext.preview()).sql()).containsExactly(
                "CREATE VIEW public.paid WITH (security_barrier=true) AS SELECT id, total FROM public.orders",
                "COMMENT ON VIEW public.paid IS 'paid orders'");
        // The options go (CREATE OR REPLACE replaces them all); the comment is unchanged: not written again.
        assertThat(new ReplaceView(PAID_MORE, PAID).render(RenderContext.preview()).sql()).containsExactly(
                "CREATE OR REPLACE VIEW public.paid AS SELECT id, total, note FROM public.orders");
        assertThat(new CreateMaterializedView(STATS).render(RenderContext.preview()).sql()).containsExactly(
                "CREATE MATERIALIZED VIEW public.stats AS SELECT count(*) AS n FROM public.orders WITH NO DATA",
                "CREATE INDEX stats_n ON public.stats (n)");
        assertThat(new CreateMaterializedView(STATS.withPopulated(true)).render(RenderContext.preview()).longRunning())
                .as("WITH DATA runs the query").isTrue();
        assertThat(new RefreshMaterializedView(STATS.qualifiedName(), true).render(RenderContext.preview()).sql())
                .containsExactly("REFRESH MATERIALIZED VIEW CONCURRENTLY public.stats");
        assertThat(new SetComment(SetComment.MATERIALIZED_VIEW, STATS.qualifiedName(), null, "x", null)
                .render(RenderContext.preview()).sql()).containsExactly("COMMENT ON MATERIALIZED VIEW public.stats IS 'x'");
    }

    @Test
    void reversals() {
        assertThat(new CreateView(PAID).reverse()).isEqualTo(Reversal.of(new DropView(NAME, PAID)));
        assertThat(new DropView(NAME, PAID).reverse()).isEqualTo(Reversal.of(new CreateView(PAID)));
        assertThat(new DropView(NAME, null).reverse().isExact()).isFalse();
        // Appended columns cannot be taken back by CREATE OR REPLACE: the way back drops and re-creates.
        assertThat(new ReplaceView(PAID_MORE, PAID).reverse().operations())
                .containsExactly(new DropView(NAME, PAID_MORE), new CreateView(PAID));
        View filtered = new View("public", "paid", false, "SELECT id, total FROM public.orders WHERE total > 0",
                PAID.columns(), List.of(), false, List.of(), List.of(), "paid orders");
        assertThat(new ReplaceView(filtered, PAID).reverse()).isEqualTo(Reversal.of(new ReplaceView(PAID, filtered)));
        assertThat(new CreateMaterializedView(STATS).reverse())
                .isEqualTo(Reversal.of(new DropMaterializedView(STATS.qualifiedName(), STATS)));
        assertThat(new RefreshMaterializedView(STATS.qualifiedName(), false).reverse().operations()).isEmpty();
    }

    @Test
    void schemaEffects() {
        SchemaGraph empty = SchemaGraph.empty();
        SchemaGraph withViews = SchemaEffect.apply(SchemaEffect.apply(empty, new CreateView(PAID)),
                new CreateMaterializedView(STATS));
        assertThat(withViews.views()).containsExactly(PAID, STATS);
        assertThat(SchemaEffect.apply(withViews, new ReplaceView(PAID_MORE, PAID)).view(NAME)).contains(PAID_MORE);
        SchemaGraph refreshed = SchemaEffect.apply(withViews, new RefreshMaterializedView(STATS.qualifiedName(), false));
        assertThat(refreshed.view(STATS.qualifiedName()).orElseThrow().withNoData()).isFalse();
        SchemaGraph indexed = SchemaEffect.apply(withViews, new AddIndex(STATS.qualifiedName(),
                new Index("stats_n2", true, "btree", List.of("n"), List.of(), false, null, List.of(), true), true));
        assertThat(indexed.view(STATS.qualifiedName()).orElseThrow().indexes()).extracting(Index::name)
                .containsExactly("stats_n", "stats_n2");
        assertThat(SchemaEffect.apply(withViews, new DropView(NAME, PAID)).views()).containsExactly(STATS);
        assertThat(SchemaEffect.apply(withViews, new SetComment(SetComment.VIEW, NAME, null, null, "paid orders"))
                .view(NAME).orElseThrow().comment()).isNull();
    }

    @Test
    void aViewQueryIsOneQueryNeverASecondStatement() {
        View injected = new View("public", "paid", false, "SELECT 1; DROP TABLE public.orders", List.of(), List.of(),
                false, List.of(), List.of(), null);
        assertThat(SqlFields.firstProblem(new CreateView(injected))).get().asString()
                .startsWith("view.definition has a ';'");
        assertThat(SqlFields.firstProblem(new CreateView(PAID))).isEmpty();
        View swallowing = new View("public", "stats", true, "SELECT 1 AS n -- no data", List.of(), List.of(), false,
                List.of(), List.of(), null);
        assertThat(SqlFields.firstProblem(new CreateMaterializedView(swallowing))).get().asString().contains("--");
    }

    @Test
    void aViewAndAMaterializedViewAreNotInterchangeable() {
        assertThatThrownBy(() -> new CreateView(STATS)).hasMessageContaining("createMaterializedView");
        assertThatThrownBy(() -> new CreateMaterializedView(PAID)).hasMessageContaining("createView");
        assertThatThrownBy(() -> new ReplaceView(STATS, null)).hasMessageContaining("no CREATE OR REPLACE");
        assertThatThrownBy(() -> new SetComment("rule", NAME, null, "x", null)).hasMessageContaining("materializedView");
    }

    @Test
    void commentsOnViewColumnsAreStepsOfTheirOwn() {
        View noted = PAID.withColumnComment("total", "what was paid");
        // CREATE VIEW sets no column comment: the operation's view has none, and its SQL writes none
        assertThat(new CreateView(noted)).isEqualTo(new CreateView(PAID));
        assertThat(new CreateView(noted).render(RenderContext.preview()).sql()).noneMatch(sql -> sql.contains("COLUMN"));
        assertThat(new CreateMaterializedView(STATS.withColumnComment("n", "how many")).view()).isEqualTo(STATS);
        assertThat(new ReplaceView(PAID_MORE.withColumnComment("note", "x"), noted).view()).isEqualTo(PAID_MORE);

        SetComment onTotal = new SetComment("column", NAME, "total", "what was paid", null);
        assertThat(onTotal.render(RenderContext.preview()).sql())
                .containsExactly("COMMENT ON COLUMN public.paid.total IS 'what was paid'");
        assertThat(onTotal.target()).isEqualTo(NAME);
        assertThat(onTotal.summary()).isEqualTo("comment on column public.paid.total");

        // the effect lands on the view's column; a view created has none, one replaced in place keeps them
        SchemaGraph created = SchemaEffect.apply(SchemaGraph.empty(), new CreateView(noted));
        assertThat(created.view(NAME)).contains(PAID);
        SchemaGraph commented = SchemaEffect.apply(created, onTotal);
        assertThat(commented.view(NAME)).contains(noted);
        assertThat(SchemaEffect.apply(commented, new ReplaceView(PAID_MORE, noted)).view(NAME))
                .contains(PAID_MORE.withColumnComment("total", "what was paid"));
        assertThat(SchemaEffect.apply(commented, onTotal.reverse().operations().get(0)).view(NAME)).contains(PAID);
        SchemaGraph matview = SchemaEffect.apply(SchemaEffect.apply(SchemaGraph.empty(), new CreateMaterializedView(STATS)),
                new SetComment("column", STATS.qualifiedName(), "n", "how many", null));
        assertThat(matview.view(STATS.qualifiedName()).orElseThrow().columnComment("n")).isEqualTo("how many");

        // dropping loses them: the way back sets them again
        assertThat(new DropView(NAME, noted).reverse()).isEqualTo(Reversal.of(new CreateView(PAID), onTotal));
        assertThat(new DropMaterializedView(STATS.qualifiedName(), STATS.withColumnComment("n", "how many")).reverse()
                .operations()).containsExactly(new CreateMaterializedView(STATS),
                new SetComment("column", STATS.qualifiedName(), "n", "how many", null));
        assertThat(new ReplaceView(PAID_MORE, noted).reverse().operations())
                .containsExactly(new DropView(NAME, PAID_MORE), new CreateView(PAID), onTotal);
    }
}
