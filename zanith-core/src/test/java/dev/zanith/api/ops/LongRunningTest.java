package dev.zanith.api.ops;

import dev.zanith.api.schema.Column;
import dev.zanith.api.schema.ForeignKey;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** "Long-running" has one definition, {@link Operation#longRunning()}: the rendering's long statement timeout. */
class LongRunningTest {

    private static final Map<OperationKind, Operation> SAMPLES = OperationSamples.all();

    @Test
    void aStepIsLongRunningExactlyWhenItsStatementsGetTheLongTimeout() {
        SAMPLES.forEach((kind, operation) -> {
            if (kind != OperationKind.RAW_SQL) {
                assertThat(operation.longRunning()).as(kind.id())
                        .isEqualTo(operation.render(RenderContext.preview()).longRunning());
            }
        });
    }

    @Test
    void everyKindOfTheLongRunningFamilyIsLongRunning() {
        SAMPLES.forEach((kind, operation) -> {
            if (kind.family() == OperationKind.Family.LONG_RUNNING) {
                assertThat(operation.longRunning()).as(kind.id()).isTrue();
            }
        });
    }

    @Test
    void aValidatedForeignKeyAndAnArchiveCopyAreLongRunningUnlikeAnUnvalidatedOne() {
        ForeignKey fk = ForeignKey.of("orders_user_fkey", List.of("user_id"), OperationSamples.USERS, List.of("id"));
        assertThat(new AddForeignKey(OperationSamples.ORDERS, fk, false).longRunning()).isTrue();
        assertThat(new AddForeignKey(OperationSamples.ORDERS, fk, true).longRunning()).isFalse();
        assertThat(SAMPLES.get(OperationKind.ARCHIVE_COLUMN).longRunning()).isTrue();
        assertThat(new AddColumn(OperationSamples.USERS, Column.of("nickname", "text", true)).longRunning()).isFalse();
    }

    @Test
    void rawSqlIsNotKnownToBeLongRunningThoughItGetsTheLongTimeout() {
        Operation raw = SAMPLES.get(OperationKind.RAW_SQL);
        assertThat(raw.render(RenderContext.preview()).longRunning()).isTrue();
        assertThat(raw.longRunning()).isFalse();
    }
}
