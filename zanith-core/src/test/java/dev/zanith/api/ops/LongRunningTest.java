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
        SAMPLES.forEach((kind, operation) -> assertThat(operation.longRunning()).as(kind.id())
                .isEqualTo(operation.render(RenderContext.preview()).longRunning()));
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
    void rawSqlIsLongRunningExactlyWhenOneOfItsStatementsDoesWhatMakesATypedStepLongRunning() {
        assertThat(SAMPLES.get(OperationKind.RAW_SQL).longRunning()).as("an UPDATE").isFalse();
        assertThat(raw("-- zanith:transaction=none\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);\n"
                + "UPDATE users SET email = lower(email);")).isTrue();
        assertThat(raw("CREATE UNIQUE INDEX users_email_key ON users (email)")).isTrue();
        assertThat(raw("ALTER TABLE users VALIDATE CONSTRAINT users_email_check")).isTrue();
        assertThat(raw("ALTER TABLE users ALTER COLUMN email TYPE varchar(200)")).isTrue();
        assertThat(raw("ALTER TABLE users ADD CONSTRAINT users_email_check CHECK (email <> '')")).isTrue();
        assertThat(raw("ALTER TABLE users ADD CONSTRAINT users_email_check CHECK (email <> '') NOT VALID")).isFalse();
        assertThat(raw("ALTER TABLE users ADD COLUMN nickname text")).isFalse();
        assertThat(raw("-- zanith:transaction=none\nVACUUM users")).isTrue();
        assertThat(raw("DO $$ BEGIN CREATE INDEX a ON users (email); END $$")).as("inside a body").isFalse();
        assertThat(raw("INSERT INTO notes VALUES ('CREATE INDEX x ON y (z)')")).as("inside a string").isFalse();
    }

    private static boolean raw(String sql) {
        RawSql raw = new RawSql(sql, null);
        assertThat(raw.longRunning()).isEqualTo(raw.render(RenderContext.preview()).longRunning());
        return raw.longRunning();
    }
}
