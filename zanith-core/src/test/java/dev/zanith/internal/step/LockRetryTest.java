package dev.zanith.internal.step;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LockRetryTest {

    @Test
    void delaysGrowExponentiallyWithJitterUpToTheCap() {
        LockRetry retry = new LockRetry(10, Duration.ofMillis(100), Duration.ofMillis(1000));
        for (int i = 0; i < 200; i++) {
            assertThat(retry.delay(1).toMillis()).isBetween(50L, 100L);
            assertThat(retry.delay(2).toMillis()).isBetween(100L, 200L);
            assertThat(retry.delay(4).toMillis()).isBetween(400L, 800L);
            assertThat(retry.delay(9).toMillis()).isBetween(500L, 1000L);
        }
    }

    @Test
    void onlyLockFailuresAreRetried() {
        assertThat(LockRetry.isLockFailure("55P03")).isTrue();
        assertThat(LockRetry.isLockFailure("40P01")).isTrue();
        assertThat(LockRetry.isLockFailure("57014")).as("statement timeout").isFalse();
        assertThat(LockRetry.isLockFailure(null)).isFalse();
        assertThatThrownBy(() -> new LockRetry(0, Duration.ZERO, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
