package dev.zanith.internal.migration;

import dev.zanith.api.exception.ZanithException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationNamesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:15:30Z");

    @Test
    void aNewIdIsATimestampWhenThatSortsLast() {
        assertThat(MigrationNames.next(NOW, "Add users!", List.of())).isEqualTo("20261201101530_add_users");
        assertThat(MigrationNames.next(NOW, "x", List.of("20250101000000_a", "recover:zzz")))
                .isEqualTo("20261201101530_x");
    }

    @Test
    void aTimestampAtOrAfterNowIsFollowedByTheNextSecond() {
        // generated twice within one second: the slug of the second sorts before the first's
        assertThat(MigrationNames.next(NOW, "add customers display name", List.of("20261201101530_create_customers")))
                .isEqualTo("20261201101531_add_customers_display_name");
        // the same slug again within the second
        assertThat(MigrationNames.next(NOW, "x", List.of("20261201101530_x"))).isEqualTo("20261201101531_x");
        // a teammate's clock ahead of this one
        assertThat(MigrationNames.next(NOW, "x", List.of("20261201120000_zzz", "20250101000000_a")))
                .isEqualTo("20261201120001_x");
        // across a day and a year boundary
        assertThat(MigrationNames.next(NOW, "x", List.of("20261231235959_zzz"))).isEqualTo("20270101000000_x");
        // the same second with a slug that sorts later already sorts last
        assertThat(MigrationNames.next(NOW, "zzz", List.of("20261201101530_a"))).isEqualTo("20261201101530_zzz");
        for (String existing : List.of("20261201101530_create_customers", "20261201120000_zzz", "20261231235959_zzz")) {
            assertThat(NaturalOrder.INSTANCE.compare(MigrationNames.next(NOW, "a", List.of(existing)), existing))
                    .as(existing).isPositive();
        }
    }

    @Test
    void afterFlywayStyleIdsTheNextVersionFollowsTheNewest() {
        assertThat(MigrationNames.next(NOW, "add email", List.of("V1__init", "V10__more", "V9__x", "20250101000000_a")))
                .isEqualTo("V11__add_email");
        assertThat(MigrationNames.next(NOW, "y", List.of("V2.3__minor", "V2_10__x"))).isEqualTo("V3__y");
        // and it sorts after them
        assertThat(NaturalOrder.INSTANCE.compare("V11__add_email", "V10__more")).isPositive();
    }

    @Test
    void refusesWhenNeitherATimestampNorAVersionWouldSortLast() {
        assertThatThrownBy(() -> MigrationNames.next(NOW, "y", List.of("release_1"))).isInstanceOf(ZanithException.class)
                .hasMessageContaining("'release_1' sorts after '20261201101530_y'");
    }
}
