package dev.zanith.internal.recover;

import dev.zanith.api.output.Artifact;
import dev.zanith.api.output.ArtifactDefinition;
import dev.zanith.api.output.ArtifactStatus;
import dev.zanith.api.output.CleanupResult;
import dev.zanith.api.output.ExportFormat;
import dev.zanith.api.output.Inspection;
import dev.zanith.api.output.PurgeResult;
import dev.zanith.api.output.RestoreResult;
import dev.zanith.api.exception.ZanithConfigException;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.api.schema.Table;
import dev.zanith.api.schema.TableName;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Refusals, tamper detection, purge, cleanup, export formats and what the application sees while data is parked. */
@RealPostgres
class SafetyTest {

    @TempDir
    Path dir;

    private RecoverFixture archivedNotes(TestDatabase db) {
        RecoverFixture f = new RecoverFixture(db, dir);
        db.execute("""
                CREATE TABLE notes (id int PRIMARY KEY, body text, at timestamptz, raw bytea);
                INSERT INTO notes VALUES (1, 'a,b', '2026-01-01 10:00+02', '\\x00ff'), (2, NULL, NULL, NULL),
                                         (3, 'quote " and ''', '2026-01-02 00:00+00', ''), (4, 'line
                break ✓', NULL, '\\x41');
                """);
        f.apply("20260101000000_archive_body", """
                  - archiveColumn:
                      table: public.notes
                      column: body
                      primaryKey: [id]
                """);
        return f;
    }

    @Test
    void archiveColumnRestoreIsRefusedWhileTheColumnNameIsTaken(TestDatabase db) {
        RecoverFixture f = archivedNotes(db);
        db.execute("ALTER TABLE notes ADD COLUMN body int");
        assertThatThrownBy(() -> f.zanith().restoreColumn("notes", "body")).isInstanceOf(ZanithException.class)
                .hasMessageContaining("Cannot restore public.notes.body from artifact 20260101000000_archive_body"
                        + "::archive_column::public.notes.body")
                .hasMessageContaining("the name public.notes.body is taken: a column of that name exists again")
                .hasMessageContaining("Nothing was changed.");
        db.execute("ALTER TABLE notes DROP COLUMN body");
        assertThat(f.zanith().restoreColumn("notes", "body").restoredRows()).isEqualTo(4);
        assertThat(f.column("SELECT coalesce(body, '<null>') FROM notes ORDER BY id"))
                .containsExactly("a,b", "<null>", "quote \" and '", "line\nbreak ✓");
    }

    @Test
    void restoreIsRefusedWhenThePrimaryKeyChanged(TestDatabase db) {
        RecoverFixture f = archivedNotes(db);
        db.execute("ALTER TABLE notes DROP CONSTRAINT notes_pkey; ALTER TABLE notes ADD COLUMN v int NOT NULL DEFAULT 0;"
                + "ALTER TABLE notes ADD PRIMARY KEY (id, v)");
        assertThatThrownBy(() -> f.zanith().restoreColumn("notes", "body"))
                .hasMessageContaining("the primary key of public.notes changed from (id) to (id, v)");
        db.execute("ALTER TABLE notes DROP CONSTRAINT notes_pkey; ALTER TABLE notes ALTER COLUMN id TYPE bigint;"
                + "ALTER TABLE notes ADD PRIMARY KEY (id)");
        assertThatThrownBy(() -> f.zanith().restoreColumn("notes", "body"))
                .hasMessageContaining("primary key column id of public.notes changed type from integer to bigint");
    }

    @Test
    void tamperingWithParkedDataIsDetectedBeforeRestoreAndExport(TestDatabase db) {
        RecoverFixture f = archivedNotes(db);
        Artifact body = f.artifact("::archive_column::public.notes.body");
        assertThat(f.zanith().inspectArtifact(body.id(), true).checksumMatches()).isTrue();
        db.execute("UPDATE " + body.physicalName() + " SET body = 'tampered' WHERE id = 1");

        Inspection inspection = f.zanith().inspectArtifact(body.id(), true);
        assertThat(inspection.checksumMatches()).isFalse();
        assertThat(inspection.currentChecksum().rows()).isEqualTo(4);
        assertThatThrownBy(() -> f.zanith().restore(body.id())).isInstanceOf(ZanithException.class)
                .hasMessageContaining("no longer matches its checksum: expected 4 rows, checksum " + body.checksum()
                        + ", found 4 rows, checksum sum64:")
                .hasMessageContaining("--accept-changed-data").hasMessageContaining("zanith recover purge " + body.id());
        assertThatThrownBy(() -> f.zanith().export(body.id(), ExportFormat.CSV, new ByteArrayOutputStream()))
                .hasMessageContaining("Refusing to export");
        assertThat(f.zanith().artifact(body.id()).orElseThrow().status()).isEqualTo(ArtifactStatus.LIVE);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(f.zanith().export(body.id(), ExportFormat.CSV, out, true).checksumMatched()).isFalse();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1,tampered");
        RestoreResult restored = f.zanith().restore(body.id(), true);
        assertThat(restored.warnings()).singleElement().asString().contains("restored as it is now, as asked");
        assertThat(f.text("SELECT body FROM notes WHERE id = 1")).isEqualTo("tampered");
    }

    @Test
    void exportStreamsCsvJsonLinesAndJsonAsPostgresPrintsTheValues(TestDatabase db) {
        RecoverFixture f = archivedNotes(db);
        db.execute("CREATE TABLE docs (id int PRIMARY KEY, at timestamptz, raw bytea, n numeric, f float8, ok boolean);"
                + "INSERT INTO docs VALUES (1, '2026-01-01 10:00+02', '\\x00ff', 1.50, 0.1, true), "
                + "(2, NULL, NULL, NULL, 'NaN', NULL)");
        f.apply("20260102000000_park_docs", """
                  - softDropTable:
                      table: public.docs
                """);
        String body = f.artifact("::archive_column::public.notes.body").id();
        assertThat(export(f, body, ExportFormat.CSV)).isEqualTo("""
                id,body
                1,"a,b"
                2,
                3,"quote "" and '"
                4,"line
                break ✓"
                """);
        String docs = f.artifact("::soft_drop_table::public.docs").id();
        assertThat(export(f, docs, ExportFormat.JSONL)).isEqualTo("""
                {"id":1,"at":"2026-01-01T08:00:00+00:00","raw":"\\\\x00ff","n":1.50,"f":0.1,"ok":true}
                {"id":2,"at":null,"raw":null,"n":null,"f":"NaN","ok":null}
                """);
        assertThat(export(f, docs, ExportFormat.JSON)).isEqualTo("""
                [
                {"id":1,"at":"2026-01-01T08:00:00+00:00","raw":"\\\\x00ff","n":1.50,"f":0.1,"ok":true},
                {"id":2,"at":null,"raw":null,"n":null,"f":"NaN","ok":null}
                ]
                """);
        assertThat(f.zanith().export(docs, ExportFormat.CSV, new ByteArrayOutputStream()).rows()).isEqualTo(2);
    }

    private static String export(RecoverFixture f, String id, ExportFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        f.zanith().export(id, format, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void purgeIsPermanentAndRepeatable(TestDatabase db) {
        RecoverFixture f = new RecoverFixture(db, dir);
        db.execute("CREATE TABLE a (id int PRIMARY KEY, x text, y text); INSERT INTO a VALUES (1, 'x', 'y');"
                + "CREATE TABLE b (id int PRIMARY KEY); CREATE TABLE c (id int PRIMARY KEY);");
        f.apply("20260101000000_park", """
                  - softDropColumn:
                      table: public.a
                      column: x
                  - archiveColumn:
                      table: public.a
                      column: y
                      primaryKey: [id]
                  - softDropTable:
                      table: public.b
                  - archiveTable:
                      table: public.c
                """);
        List<Artifact> all = f.zanith().artifacts();
        assertThat(all).hasSize(4);
        for (Artifact a : all) {
            PurgeResult purged = f.zanith().purge(a.id());
            assertThat(purged.found()).isTrue();
            assertThat(purged.statements()).singleElement().asString().containsAnyOf("DROP COLUMN", "DROP TABLE");
            assertThat(f.zanith().purge(a.id()).found()).isFalse();
            assertThatThrownBy(() -> f.zanith().restore(a.id())).hasMessageContaining("No artifact '" + a.id() + "'");
        }
        assertThat(f.zanith().artifacts()).isEmpty();
        assertThat(f.number("SELECT count(*) FROM _zanith_migration_artifacts")).isZero();
        assertThat(f.column("SELECT attname FROM pg_attribute WHERE attrelid = 'a'::regclass AND attnum > 0 "
                + "AND NOT attisdropped")).containsExactly("id");
        assertThat(f.column("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE c.relkind = 'r' AND n.nspname IN ('public', 'zanith_archive') AND c.relname NOT LIKE '\\_zanith\\_m%' "
                + "AND c.relname NOT LIKE '\\_zanith\\_s%' ORDER BY 1")).containsExactly("a");
    }

    @Test
    void purgeRefusesWhenOtherObjectsDependOnTheParkedData(TestDatabase db) {
        RecoverFixture f = new RecoverFixture(db, dir);
        db.execute("CREATE TABLE a (id int PRIMARY KEY, x text)");
        f.apply("20260101000000_park", """
                  - softDropTable:
                      table: public.a
                """);
        Artifact a = f.artifact("::soft_drop_table::public.a");
        db.execute("CREATE VIEW still_reading AS SELECT * FROM " + a.physicalName());
        assertThatThrownBy(() -> f.zanith().purge(a.id())).isInstanceOf(ZanithException.class)
                .hasMessageContaining("other objects depend on " + a.physicalName())
                .hasMessageContaining("still_reading").hasMessageContaining("Nothing was changed");
        assertThat(f.zanith().artifact(a.id())).isPresent();
    }

    @Test
    void cleanupPurgesOnlyExpiredArtifactsAndADryRunOnlyLists(TestDatabase db) {
        RecoverFixture f = new RecoverFixture(db, dir);
        db.execute("CREATE TABLE old (id int PRIMARY KEY); CREATE TABLE recent (id int PRIMARY KEY);"
                + "CREATE TABLE forever (id int PRIMARY KEY)");
        f.apply("20260101000000_park_old", """
                  - softDropTable:
                      table: public.old
                  - softDropTable:
                      table: public.recent
                """);
        Artifact old = f.artifact("::soft_drop_table::public.old");
        Artifact recent = f.artifact("::soft_drop_table::public.recent");
        db.execute("UPDATE _zanith_migration_artifacts SET created_at = now() - interval '40 days', "
                + "expires_at = now() - interval '10 days' WHERE id = '" + old.id() + "'");
        db.execute("UPDATE _zanith_migration_artifacts SET created_at = now() - interval '3 days' WHERE id = '"
                + recent.id() + "'");
        f.apply("20260102000000_park_forever", """
                  - softDropTable:
                      table: public.forever
                """);

        CleanupResult dry = f.zanith().cleanup(null, true);
        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.due()).extracting(Artifact::id).containsExactly(old.id());
        assertThat(dry.purged()).isEmpty();
        assertThat(f.zanith().artifacts()).hasSize(3);

        CleanupResult done = f.zanith().cleanup(null, false);
        assertThat(done.purged()).extracting(PurgeResult::artifactId).containsExactly(old.id());
        assertThat(done.failed()).isEmpty();
        assertThat(f.zanith().artifacts()).extracting(Artifact::id).doesNotContain(old.id()).hasSize(2);
        assertThat(f.text("SELECT to_regclass('" + old.physicalName() + "')")).isNull();
        assertThat(f.zanith().cleanup(null, false).purged()).isEmpty();

        CleanupResult older = f.zanith().cleanup(Duration.ofDays(2), false);
        assertThat(older.purged()).extracting(PurgeResult::artifactId).containsExactly(recent.id());
        assertThat(f.zanith().artifacts()).extracting(Artifact::id).containsExactly(
                "20260102000000_park_forever::soft_drop_table::public.forever");
        assertThatThrownBy(() -> f.zanith().cleanup(Duration.ofDays(-1), true)).isInstanceOf(ZanithConfigException.class);
    }

    @Test
    void artifactsNeverExpireWithZeroRetention(TestDatabase db) {
        RecoverFixture f = new RecoverFixture(db, dir);
        db.execute("CREATE TABLE t (id int PRIMARY KEY)");
        java.nio.file.Path file = dir.resolve("20260101000000_t.yaml");
        try {
            java.nio.file.Files.writeString(file, "id: 20260101000000_t\noperations:\n  - softDropTable:\n      table: t\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        new dev.zanith.Zanith(f.config().artifactRetention(Duration.ZERO).build()).apply(dev.zanith.api.ApplyListener.NONE);
        assertThat(f.artifact("::soft_drop_table::public.t").expiresAt()).isNull();
        assertThatThrownBy(() -> f.config().artifactRetention(Duration.ofDays(-1)).build())
                .isInstanceOf(ZanithConfigException.class).hasMessageContaining("artifact retention");
    }

    @Test
    void aRestoreThatFailsHalfWayLeavesEverythingAsItWas(TestDatabase db) throws Exception {
        RecoverFixture f = new RecoverFixture(db, dir);
        db.execute("CREATE TABLE u (id int PRIMARY KEY, email text, CONSTRAINT u_email_key UNIQUE (email));"
                + "INSERT INTO u SELECT g, 'e' || g FROM generate_series(1, 100) g;"
                + "CREATE TABLE orders (id int PRIMARY KEY, email text REFERENCES u (email));"
                + "INSERT INTO orders VALUES (1, 'e1')");
        // What zanith generate writes: dependents first, then the soft drop with the column's definition.
        f.apply("20260101000000_drop_email", """
                  - dropForeignKey:
                      table: public.orders
                      name: orders_email_fkey
                  - dropUniqueConstraint:
                      table: public.u
                      name: u_email_key
                  - softDropColumn:
                      table: public.u
                      column: email
                      definition: {name: email, type: text}
                """);
        Artifact email = f.artifact("::soft_drop_column::public.u.email");
        assertThat(email.definition().dependents()).extracting(ArtifactDefinition.Dependent::kind,
                ArtifactDefinition.Dependent::name).containsExactly(
                org.assertj.core.groups.Tuple.tuple("unique", "u_email_key"),
                org.assertj.core.groups.Tuple.tuple("foreignKey", "orders_email_fkey"));
        String parked = email.physicalName();
        // Another session writes to orders: re-adding the foreign key (its last step) cannot get its lock.
        try (java.sql.Connection writer = db.connect(); java.sql.Statement s = writer.createStatement()) {
            writer.setAutoCommit(false);
            s.execute("UPDATE orders SET id = id");
            dev.zanith.Zanith impatient = new dev.zanith.Zanith(f.config().lockTimeout(Duration.ofMillis(100))
                    .lockRetryAttempts(2).build());
            assertThatThrownBy(() -> impatient.restore(email.id())).isInstanceOf(ZanithException.class)
                    .hasMessageContaining("lock timeout");
            writer.rollback();
        }
        assertThat(f.zanith().artifact(email.id()).orElseThrow().status()).isEqualTo(ArtifactStatus.LIVE);
        assertThat(f.column("SELECT attname FROM pg_attribute WHERE attrelid = 'u'::regclass AND attnum > 0 "
                + "AND NOT attisdropped ORDER BY attnum")).containsExactly("id", parked);
        assertThat(f.number("SELECT count(*) FROM pg_constraint WHERE conname = 'u_email_key'")).isZero();
        assertThat(f.number("SELECT count(*) FROM _zanith_migrations WHERE id LIKE 'recover:%'")).isZero();

        RestoreResult restored = f.zanith().restore(email.id());
        assertThat(restored.warnings()).isEmpty();
        assertThat(f.column("SELECT conname FROM pg_constraint WHERE conname IN ('u_email_key', 'orders_email_fkey') "
                + "ORDER BY 1")).containsExactly("orders_email_fkey", "u_email_key");
        assertThat(f.number("SELECT count(*) FROM _zanith_migrations WHERE id LIKE 'recover:%'")).isEqualTo(1);
    }

    @Test
    void introspectionHidesWhatHangsOnAParkedColumn(TestDatabase db) {
        RecoverFixture f = new RecoverFixture(db, dir);
        db.execute("CREATE TABLE p (id int PRIMARY KEY, code text UNIQUE, ref int);"
                + "CREATE INDEX p_code_lower_idx ON p (lower(code)) WHERE code IS NOT NULL;"
                + "CREATE TABLE q (id int PRIMARY KEY, code text REFERENCES p (code));"
                + "CREATE INDEX p_ref_idx ON p (ref) INCLUDE (code)");
        f.apply("20260101000000_park_code", """
                  - softDropColumn:
                      table: public.p
                      column: code
                """);
        Table p = f.zanith().inspect().graph().table(new TableName("public", "p")).orElseThrow();
        assertThat(p.columns()).extracting(c -> c.name()).containsExactly("id", "ref");
        assertThat(p.uniqueConstraints()).isEmpty();
        assertThat(p.indexes()).isEmpty();
        Table q = f.zanith().inspect().graph().table(new TableName("public", "q")).orElseThrow();
        assertThat(q.foreignKeys()).isEmpty();
        // Nothing was dropped: restore brings the column back with all of them.
        f.zanith().restoreColumn("p", "code");
        Table back = f.zanith().inspect().graph().table(new TableName("public", "p")).orElseThrow();
        assertThat(back.uniqueConstraints()).hasSize(1);
        assertThat(back.indexes()).extracting(i -> i.name()).containsExactly("p_code_lower_idx", "p_ref_idx");
        assertThat(f.zanith().inspect().graph().table(new TableName("public", "q")).orElseThrow().foreignKeys())
                .hasSize(1);
    }

    @Test
    void anArtifactLeftWithoutChecksumByAnInterruptedApplyGetsOneFromTheNextCommand(TestDatabase db) {
        RecoverFixture f = archivedNotes(db);
        Artifact body = f.artifact("::archive_column::public.notes.body");
        db.execute("UPDATE _zanith_migration_artifacts SET checksum = NULL, row_count = NULL");
        assertThat(f.zanith().inspectArtifact(body.id(), true).checksumMatches()).isNull();
        f.zanith().cleanup(null, false);
        Artifact summed = f.zanith().artifact(body.id()).orElseThrow();
        assertThat(summed.checksum()).isEqualTo(body.checksum());
        assertThat(summed.rowCount()).isEqualTo(4);
    }

    @Test
    void archivedIdentityAndCommentedColumnsComeBackAsTheyWere(TestDatabase db) {
        RecoverFixture f = new RecoverFixture(db, dir);
        db.execute("CREATE TABLE tickets (id int PRIMARY KEY, no bigint GENERATED BY DEFAULT AS IDENTITY (START WITH 100),"
                + " label text); COMMENT ON COLUMN tickets.label IS 'shown to people';"
                + "INSERT INTO tickets (id, label) SELECT g, 'l' || g FROM generate_series(1, 10) g;");
        f.apply("20260101000000_archive", """
                  - archiveColumn: {table: tickets, column: no, primaryKey: [id]}
                  - archiveColumn: {table: tickets, column: label, primaryKey: [id]}
                """);
        f.zanith().restoreColumn("tickets", "no");
        RestoreResult label = f.zanith().restoreColumn("tickets", "label");
        assertThat(label.warnings()).isEmpty();
        assertThat(f.column("SELECT no FROM tickets ORDER BY id")).first().isEqualTo("100");
        assertThat(f.text("SELECT col_description(attrelid, attnum) FROM pg_attribute WHERE attrelid = "
                + "'tickets'::regclass AND attname = 'label'")).isEqualTo("shown to people");
        db.execute("INSERT INTO tickets (id) VALUES (11)");
        assertThat(f.text("SELECT no FROM tickets WHERE id = 11")).isEqualTo("110");
        assertThat(f.text("SELECT attidentity FROM pg_attribute WHERE attrelid = 'tickets'::regclass AND attname = 'no'"))
                .isEqualTo("d");
    }

    @Test
    void restoreColumnAndTableNameWhatIsMissing(TestDatabase db) {
        RecoverFixture f = new RecoverFixture(db, dir);
        assertThat(f.zanith().artifacts()).isEmpty();
        assertThatThrownBy(() -> f.zanith().restoreColumn("users", "email"))
                .hasMessageContaining("No soft-dropped or archived column public.users.email to restore")
                .hasMessageContaining("zanith recover list --table public.users");
        assertThatThrownBy(() -> f.zanith().restoreTable("a.b.c")).isInstanceOf(ZanithConfigException.class);
        assertThat(f.zanith().purge("nope").found()).isFalse();
        assertThat(f.zanith().cleanup(null, true).due()).isEmpty();
    }
}
