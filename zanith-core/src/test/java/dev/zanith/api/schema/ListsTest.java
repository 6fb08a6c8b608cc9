package dev.zanith.api.schema;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The canonical order of a graph's lists, and the cheap path for lists already in it. */
class ListsTest {

    @Test
    void aListOutOfOrderIsSortedStably() {
        List<String> sorted = Lists.sorted(List.of("b", "a", "B", "A"), String.CASE_INSENSITIVE_ORDER);
        assertThat(sorted).containsExactly("a", "A", "b", "B");
    }

    @Test
    void anImmutableListAlreadyInOrderIsKeptAsItIs() {
        List<String> inOrder = List.of("a", "b", "c");
        assertThat(Lists.sorted(inOrder, Comparator.naturalOrder())).isSameAs(inOrder);
    }

    @Test
    void aMutableListInOrderIsCopiedSoThatLaterChangesDoNotReachTheGraph() {
        List<String> mutable = new ArrayList<>(List.of("a", "b"));
        List<String> kept = Lists.sorted(mutable, Comparator.naturalOrder());
        mutable.add(0, "z");
        assertThat(kept).containsExactly("a", "b");
    }

    @Test
    void nullIsTheEmptyList() {
        assertThat(Lists.sorted(null, Comparator.<String>naturalOrder())).isEmpty();
    }

    @Test
    void equalTablesHashAlikeAndVersionsOfOneTableAreToldApartByEquality() {
        Table one = Table.of("public", "users", List.of(Column.of("id", "bigint", true)));
        Table same = Table.of("public", "users", List.of(Column.of("id", "bigint", true)));
        Table changed = Table.of("public", "users", List.of(Column.of("id", "integer", true)));
        assertThat(same).isEqualTo(one).hasSameHashCodeAs(one);
        assertThat(changed).isNotEqualTo(one);
    }
}
