package dev.zanith.internal.recover;

import dev.zanith.api.output.HistoryEntry;
import dev.zanith.api.output.Artifact;
import dev.zanith.api.output.ArtifactDefinition;
import dev.zanith.api.output.ArtifactStatus;
import dev.zanith.api.output.ArtifactType;
import dev.zanith.api.output.Inspection;
import dev.zanith.api.output.RestoreResult;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.command.History;
import dev.zanith.api.schema.Table;
import dev.zanith.api.schema.TableName;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every restorable artifact kind, dropped and restored through the public API on 100,000-row tables holding NULLs,
 * unicode, large text and bytea values and composite keys: the rows come back exactly (md5 over them before and
 * after).
 */
@RealPostgres
class RoundTripTest {

    static final int ROWS = 100_000;

    /** 100,000 rows: NULLs in every nullable column, unicode, 60 kB texts and 96 kB byteas here and there. */
    static final String PEOPLE = """
            CREATE TABLE people (
              id bigint PRIMARY KEY,
              email text NOT NULL DEFAULT 'nobody@example.com' CONSTRAINT email_shape CHECK (email LIKE '%@%'),
              bio text,
              photo bytea,
              score numeric(12,3),
              seen timestamptz,
              tags text[]
            );
            CREATE INDEX people_bio_idx ON people (left(bio, 20));
            INSERT INTO people
            SELECT g, 'u' || g || '@example.com',
                   CASE WHEN g % 7 = 0 THEN NULL WHEN g % 1000 = 1 THEN repeat('ünïcødé ✓ 漢字 🚀 ', 2000)
                        ELSE 'bio ' || g || ' — ñ' END,
                   CASE WHEN g % 5 = 0 THEN NULL WHEN g % 1000 = 2 THEN convert_to(repeat(md5(g::text), 3000), 'UTF8')
                        ELSE decode(md5(g::text), 'hex') END,
                   CASE WHEN g % 3 = 0 THEN NULL ELSE g * 1.5 END,
                   timestamptz '2020-01-01 00:00:00+00' + g * interval '1 minute',
                   CASE WHEN g % 11 = 0 THEN NULL ELSE ARRAY['a', g::text, 'ü"'] END
            FROM generate_series(1, {rows}) g;
            ANALYZE people;
            """.replace("{rows}", Integer.toString(ROWS));

    static final String ALL_PEOPLE = "id, email, bio, photo, score, seen, tags";

    @TempDir
    Path dir;

    @Test
    void softDropColumnRoundTripKeepsEveryValueAndInsertsKeepWorkingMeanwhile(TestDatabase db) {
        RecoverFixture f = new RecoverFixture(db, dir);
        db.execute(PEOPLE);
        String before = f.md5("people", ALL_PEOPLE, "id");

        f.apply("20260101000000_drop_bio_and_email", """
                  - softDropColumn:
                      table: public.people
                      column: bio
                  - softDropColumn:
                      table: public.people
                      column: email
                """);
        Artifact bio = f.artifact("::soft_drop_column::public.people.bio");
        assertThat(bio.type()).isEqualTo(ArtifactType.SOFT_DROP_COLUMN);
        assertThat(bio.status()).isEqualTo(ArtifactStatus.LIVE);
        assertThat(bio.physicalName()).startsWith("_zanith_").endsWith("_bio");
        assertThat(bio.rowCount()).isEqualTo(ROWS - ROWS / 7);
        assertThat(bio.checksum()).startsWith("sum64:");
        assertThat(bio.expiresAt()).isAfter(bio.createdAt().plus(java.time.Duration.ofDays(29)));
        assertThat(bio.recoverySql()).contains("RENAME COLUMN " + bio.physicalName() + " TO bio");
        Artifact email = f.artifact("::soft_drop_column::public.people.email");
        assertThat(email.definition().column().notNull()).isTrue();
        assertThat(email.definition().column().defaultExpression()).isEqualTo("'nobody@example.com'::text");
        assertThat(email.definition().dependents()).extracting(ArtifactDefinition.Dependent::name,
                ArtifactDefinition.Dependent::origin).containsExactly(
                org.assertj.core.groups.Tuple.tuple("email_shape", ArtifactRecorder.DROPPED_WHEN_PARKED));

        // The application no longer sees the columns, their index or their CHECK, and inserts without them work.
        Table live = f.zanith().inspect().graph().table(new TableName("public", "people")).orElseThrow();
        assertThat(live.columns()).extracting(c -> c.name()).containsExactly("id", "photo", "score", "seen", "tags");
        assertThat(live.indexes()).isEmpty();
        assertThat(live.checkConstraints()).isEmpty();
        db.execute("INSERT INTO people (id, score) VALUES (" + (ROWS + 1) + ", 1)");

        RestoreResult restoredEmail = f.zanith().restoreColumn("people", "email");
        assertThat(restoredEmail.restored()).isTrue();
        assertThat(restoredEmail.filledWithDefault()).isEqualTo(1);
        assertThat(restoredEmail.rowsWithoutValue()).isEqualTo(1);
        assertThat(restoredEmail.warnings()).isEmpty();
        assertThat(restoredEmail.statements()).anyMatch(s -> s.contains("SET NOT NULL"))
                .anyMatch(s -> s.contains("ADD CONSTRAINT email_shape CHECK"));
        RestoreResult restoredBio = f.zanith().restoreColumn("public.people", "bio");
        assertThat(restoredBio.restoredRows()).isEqualTo(ROWS - ROWS / 7);
        assertThat(f.text("SELECT email FROM people WHERE id = " + (ROWS + 1))).isEqualTo("nobody@example.com");
        db.execute("DELETE FROM people WHERE id > " + ROWS);
        assertThat(f.md5("people", ALL_PEOPLE, "id")).isEqualTo(before);
        assertThat(f.text("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'email_shape'"))
                .isEqualTo("CHECK ((email ~~ '%@%'::text))");
        assertThat(f.text("SELECT attnotnull FROM pg_attribute WHERE attrelid = 'people'::regclass AND attname = 'email'"))
                .isEqualTo("t");
        assertThat(f.text("SELECT pg_get_indexdef('people_bio_idx'::regclass)")).contains("(\"left\"(bio, 20))");

        // Restored artifacts stay listed as restored; a second restore changes nothing; history shows both restores.
        assertThat(f.zanith().artifact(bio.id()).orElseThrow().status()).isEqualTo(ArtifactStatus.RESTORED);
        RestoreResult again = f.zanith().restore(bio.id());
        assertThat(again.restored()).isFalse();
        assertThat(again.statements()).isEmpty();
        assertThat(again.restoreId()).isEqualTo(restoredBio.restoreId());
        List<HistoryEntry> history = f.zanith().history();
        assertThat(history).extracting(HistoryEntry::id).hasSize(3).element(1).asString()
                .startsWith("recover:" + email.id() + ":");
        assertThat(history.get(2).steps()).singleElement().satisfies(s -> {
            assertThat(s.operationKind()).isEqualTo("restoreColumn");
            assertThat(s.sql()).contains("RENAME COLUMN");
        });
    }

    @Test
    void aSoftDroppedNotNullColumnWithoutDefaultKeepsInsertsWorkingAndRestoreSaysWhatIsMissing(TestDatabase db) {
        org.junit.jupiter.api.Assumptions.assumeTrue(db.server().majorVersion() >= 15, "NULLS NOT DISTINCT: PostgreSQL 15+");
        RecoverFixture f = new RecoverFixture(db, dir);
        db.execute("CREATE TABLE t (id int PRIMARY KEY, code text NOT NULL CHECK (coalesce(code, '') <> ''),"
                + " pair text, UNIQUE NULLS NOT DISTINCT (code, pair));"
                + "INSERT INTO t SELECT g, lpad(g::text, 3, '0'), NULL FROM generate_series(1, 50) g;");
        f.apply("20260101000000_park_code", """
                  - softDropColumn:
                      table: public.t
                      column: code
                """);
        // NOT NULL, the CHECK and the NULLS NOT DISTINCT unique would each reject these two inserts.
        db.execute("INSERT INTO t (id) VALUES (51); INSERT INTO t (id) VALUES (52)");

        RestoreResult restored = f.zanith().restoreColumn("t", "code");
        assertThat(restored.rowsWithoutValue()).isEqualTo(2);
        assertThat(restored.filledWithDefault()).isZero();
        assertThat(restored.warnings()).hasSize(3);
        assertThat(restored.warnings().get(0)).startsWith("NOT NULL is not restored: 2 rows of public.t have no value in "
                + "code").endsWith("ALTER TABLE public.t ALTER COLUMN code SET NOT NULL");
        assertThat(restored.warnings()).anyMatch(w -> w.startsWith("re-added NOT VALID") && w.contains("VALIDATE CONSTRAINT "
                + "t_code_check"));
        assertThat(restored.warnings()).anyMatch(w -> w.startsWith("not re-created") && w.endsWith("ALTER TABLE public.t "
                + "ADD CONSTRAINT t_code_pair_key UNIQUE NULLS NOT DISTINCT (code, pair)"));
        assertThat(f.column("SELECT conname || ' ' || convalidated FROM pg_constraint WHERE conrelid = 't'::regclass "
                + "AND contype <> 'n' ORDER BY 1")).containsExactly("t_code_check false", "t_pkey true");
    }

    @Test
    void archiveColumnWithACompositeKeyRefillsByKeyAndCountsRowsInsertedSince(TestDatabase db) {
        RecoverFixture f = new RecoverFixture(db, dir);
        db.execute("""
                CREATE TABLE lines (order_id int, line int, sku text COLLATE "C", note text NOT NULL DEFAULT 'none',
                                    qty int, PRIMARY KEY (order_id, line));
                INSERT INTO lines SELECT g / 10, g % 10, CASE WHEN g % 13 = 0 THEN NULL ELSE 'sku-ü-' || g END,
                                         CASE WHEN g % 1000 = 5 THEN repeat('✓ long ', 9000) ELSE 'n' || g END, g
                FROM generate_series(1, {rows}) g;
                CREATE INDEX lines_note_idx ON lines (note);
                """.replace("{rows}", Integer.toString(ROWS)));
        String before = f.md5("lines", "order_id, line, sku, note, qty", "order_id, line");
        f.apply("20260101000000_archive", """
                  - dropIndex:
                      table: public.lines
                      name: lines_note_idx
                  - archiveColumn:
                      table: public.lines
                      column: note
                      primaryKey: [order_id, line]
                """);
        Artifact note = f.artifact("::archive_column::public.lines.note");
        assertThat(note.physicalName()).startsWith("zanith_archive.lines__note__");
        assertThat(note.rowCount()).isEqualTo(ROWS);
        assertThat(note.sizeBytes()).isPositive();
        assertThat(note.definition().dependents()).extracting(ArtifactDefinition.Dependent::sql)
                .containsExactly("CREATE INDEX lines_note_idx ON public.lines (note)");
        db.execute("INSERT INTO lines (order_id, line, qty) VALUES (-1, 1, 0), (-1, 2, 0), (-1, 3, 0)");
        db.execute("DELETE FROM lines WHERE order_id = 0 AND line = 1");

        RestoreResult restored = f.zanith().restoreColumn("lines", "note");
        assertThat(restored.restoredRows()).isEqualTo(ROWS - 1);
        assertThat(restored.rowsWithoutValue()).isEqualTo(3);
        assertThat(restored.orphanedValues()).isEqualTo(1);
        assertThat(restored.warnings()).isEmpty();
        assertThat(f.column("SELECT note FROM lines WHERE order_id = -1")).containsOnly("none");
        assertThat(f.text("SELECT to_regclass('" + note.physicalName() + "')")).isNull();
        assertThat(f.text("SELECT attnotnull FROM pg_attribute WHERE attrelid = 'lines'::regclass AND attname = 'note'"))
                .isEqualTo("t");
        assertThat(f.text("SELECT pg_get_indexdef('lines_note_idx'::regclass)")).contains("(note)");
        db.execute("DELETE FROM lines WHERE order_id = -1; INSERT INTO lines (order_id, line, sku, note, qty) VALUES (0, 1, 'sku-ü-1', 'n1', 1)");
        assertThat(f.md5("lines", "order_id, line, sku, note, qty", "order_id, line")).isEqualTo(before);
    }

    @Test
    void softDropTableParksIndexNamesSoTheNameCanBeReusedAndRestoreRefusesWhileItIs(TestDatabase db) {
        RecoverFixture f = new RecoverFixture(db, dir);
        db.execute(PEOPLE + "ALTER TABLE people ADD CONSTRAINT people_email_key UNIQUE (email);"
                + "CREATE TABLE visits (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, person bigint REFERENCES people);"
                + "INSERT INTO visits (person) SELECT g FROM generate_series(1, 100) g;");
        String before = f.md5("people", ALL_PEOPLE, "id");
        String visits = f.md5("visits", "id, person", "id");
        f.apply("20260101000000_park_tables", """
                  - softDropTable:
                      table: public.visits
                  - softDropTable:
                      table: public.people
                """);
        Artifact people = f.artifact("::soft_drop_table::public.people");
        assertThat(people.rowCount()).isEqualTo(ROWS);
        assertThat(people.definition().renamed()).extracting(ArtifactDefinition.RenamedObject::original)
                .containsExactlyInAnyOrder("people_pkey", "people_email_key", "people_bio_idx");
        assertThat(f.artifact("::soft_drop_table::public.visits").definition().renamed())
                .extracting(ArtifactDefinition.RenamedObject::kind).containsExactlyInAnyOrder("constraint", "sequence");
        assertThat(f.zanith().inspect().graph().tables()).isEmpty();

        // The names are free: a new people table with the usual names can be created...
        db.execute("CREATE TABLE people (id bigint CONSTRAINT people_pkey PRIMARY KEY)");
        assertThatThrownBy(() -> f.zanith().restoreTable("people")).isInstanceOf(ZanithException.class)
                .hasMessageContaining("the name public.people is taken again")
                .hasMessageContaining("the index (of constraint people_pkey) name people_pkey is taken")
                .hasMessageContaining("Nothing was changed");
        assertThat(f.zanith().artifact(people.id()).orElseThrow().status()).isEqualTo(ArtifactStatus.LIVE);
        db.execute("DROP TABLE people");

        assertThat(f.zanith().restoreTable("people").restoredRows()).isEqualTo(ROWS);
        assertThat(f.zanith().restoreTable("public.visits").restored()).isTrue();
        assertThat(f.md5("people", ALL_PEOPLE, "id")).isEqualTo(before);
        assertThat(f.md5("visits", "id, person", "id")).isEqualTo(visits);
        assertThat(f.column("SELECT relname FROM pg_class WHERE relname LIKE 'people%' OR relname LIKE 'visits%' "
                + "ORDER BY 1")).containsExactly("people", "people_bio_idx", "people_email_key", "people_pkey", "visits",
                "visits_id_seq", "visits_pkey");
        db.execute("INSERT INTO visits (person) VALUES (1)");
    }

    @Test
    void archiveTableMovesOutAndBackAndTheSameNameCanBeArchivedTwice(TestDatabase db) {
        RecoverFixture f = new RecoverFixture(db, dir);
        db.execute(PEOPLE);
        String before = f.md5("people", ALL_PEOPLE, "id");
        f.apply("20260101000000_archive_people", """
                  - archiveTable:
                      table: public.people
                """);
        Artifact first = f.artifact("20260101000000_archive_people::archive_table::public.people");
        assertThat(first.physicalName()).startsWith("zanith_archive.people__");
        assertThat(first.rowCount()).isEqualTo(ROWS);

        db.execute("CREATE TABLE people (id bigint PRIMARY KEY); INSERT INTO people VALUES (1)");
        f.apply("20260102000000_archive_people_again", """
                  - archiveTable:
                      table: public.people
                """);
        Artifact second = f.artifact("20260102000000_archive_people_again::archive_table::public.people");
        assertThat(f.column("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = 'zanith_archive' AND c.relkind = 'r'")).containsExactly("2");

        // restore-table takes the newest: the one-row table.
        RestoreResult restored = f.zanith().restoreTable("people");
        assertThat(restored.artifactId()).isEqualTo(second.id());
        assertThat(restored.restoredRows()).isEqualTo(1);
        assertThatThrownBy(() -> f.zanith().restore(first.id())).hasMessageContaining("is taken again");
        db.execute("DROP TABLE people");
        f.zanith().restore(first.id());
        assertThat(f.md5("people", ALL_PEOPLE, "id")).isEqualTo(before);
        assertThat(f.text("SELECT pg_get_indexdef('people_bio_idx'::regclass)")).contains("public.people");
    }

    @Test
    void rebuildTableIsCapturedForInspectionAndNeverRestored(TestDatabase db) {
        RecoverFixture f = new RecoverFixture(db, dir);
        db.execute("CREATE TABLE t (id int PRIMARY KEY, v text); INSERT INTO t SELECT g, 'v' FROM generate_series(1, 1000) g");
        f.apply("20260101000000_rebuild", """
                  - rebuildTable:
                      table: public.t
                """);
        Artifact rebuilt = f.artifact("::rebuild_table::public.t");
        assertThat(rebuilt.definition().table().columns()).extracting(c -> c.name()).containsExactly("id", "v");
        assertThat(rebuilt.checksum()).startsWith("sha256:");
        assertThat(rebuilt.recoverySql()).contains("never restored");
        Inspection inspection = f.zanith().inspectArtifact(rebuilt.id(), true);
        assertThat(inspection.restore()).contains("never restored");
        assertThatThrownBy(() -> f.zanith().restoreTable("t")).isInstanceOf(ZanithException.class)
                .hasMessageContaining("is for inspection only and is never restored")
                .hasMessageContaining("clients have kept reading and writing");
        assertThatThrownBy(() -> f.zanith().restore(rebuilt.id())).hasMessageContaining("never restored");
    }
}
