package dev.zanith.cli;

import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The seven {@code zanith recover} verbs on the command line (in-process, no terminal). */
@RealPostgres
class RecoverCommandTest {

    @TempDir
    Path dir;

    private Path migrations;

    private void migration(String id, String operations) throws IOException {
        migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve(id + ".yaml"), "id: " + id + "\noperations:\n" + operations.stripIndent());
    }

    private CliRunner.Result run(TestDatabase db, String verb, String... extra) {
        List<String> args = new ArrayList<>(List.of(verb.split(" ")));
        args.addAll(List.of("--url", db.jdbcUrl()));
        args.addAll(List.of(extra));
        return CliRunner.run(args.toArray(String[]::new));
    }

    private static String value(TestDatabase db, String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void listInspectRestoreExportPurgeAndCleanup(TestDatabase db) throws Exception {
        db.execute("""
                CREATE TABLE p5_legacy (id int PRIMARY KEY, legacy_code text NOT NULL DEFAULT 'none', note text);
                INSERT INTO p5_legacy SELECT g, 'code-' || g, 'n' || g FROM generate_series(1, 5) g;
                CREATE TABLE old_events (id int PRIMARY KEY, payload jsonb);
                INSERT INTO old_events VALUES (1, '{"a": 1}');
                """);
        migration("20260101000000_cleanup", """
                  - archiveColumn:
                      table: public.p5_legacy
                      column: legacy_code
                      primaryKey: [id]
                  - softDropColumn:
                      table: public.p5_legacy
                      column: note
                  - softDropTable:
                      table: public.old_events
                """);
        CliRunner.Result apply = run(db, "apply", "--migrations", migrations.toString(), "--allow-destructive",
                "--artifact-retention", "7d");
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        String code = "20260101000000_cleanup::archive_column::public.p5_legacy.legacy_code";
        String note = "20260101000000_cleanup::soft_drop_column::public.p5_legacy.note";
        String events = "20260101000000_cleanup::soft_drop_table::public.old_events";

        CliRunner.Result list = run(db, "recover list");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).containsPattern("ID +TYPE +STATUS +SOURCE +PHYSICAL NAME +ROWS +SIZE +CREATED +EXPIRES")
                .containsPattern(code.replace(".", "\\.") + " +archive_column +live +public\\.p5_legacy\\.legacy_code "
                        + "+zanith_archive\\.p5_legacy__legacy_code__\\w+ +5 ")
                .contains(note).contains(events);
        assertThat(run(db, "recover list", "--type", "soft_drop_table").out()).contains(events).doesNotContain(code);
        assertThat(run(db, "recover list", "--table", "p5_legacy", "--column", "note").out()).contains(note)
                .doesNotContain(code);
        CliRunner.Result json = run(db, "recover list", "--format", "json");
        assertThat(json.out()).contains("\"id\" : \"" + code + "\"").contains("\"type\" : \"archive_column\"")
                .contains("\"rowCount\" : 5").contains("\"status\" : \"live\"");
        CliRunner.Result badType = run(db, "recover list", "--type", "shredded");
        assertThat(badType.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badType.err()).contains("Unknown artifact type 'shredded'");

        CliRunner.Result inspect = run(db, "recover inspect", code, "--verify");
        assertThat(inspect.exitCode()).as(inspect.err()).isZero();
        assertThat(inspect.out()).contains("type           archive_column (live)")
                .contains("source         public.p5_legacy.legacy_code")
                .containsPattern("physical name +zanith_archive\\.p5_legacy__legacy_code__")
                .contains("(verified: matches)").contains("column         legacy_code text NOT NULL DEFAULT 'none'::text")
                .contains("recovery plan:").contains("ALTER TABLE public.p5_legacy ADD COLUMN legacy_code text DEFAULT 'none'::text;")
                .contains("UPDATE public.p5_legacy AS t SET legacy_code = a.legacy_code FROM zanith_archive.");
        assertThat(run(db, "recover inspect", code, "--format", "json").out()).contains("\"recoverySql\" : ")
                .contains("\"dataPresent\" : true").contains("\"primaryKey\" : [ \"id\" ]");
        CliRunner.Result missing = run(db, "recover inspect", "nope");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(missing.err()).contains("No artifact 'nope' here");

        CliRunner.Result csv = run(db, "recover export", code);
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        assertThat(csv.out()).isEqualTo("id,legacy_code\n1,code-1\n2,code-2\n3,code-3\n4,code-4\n5,code-5\n");
        Path file = dir.resolve("events.jsonl");
        CliRunner.Result exported = run(db, "recover export", events, "--format", "jsonl", "--out", file.toString());
        assertThat(exported.out()).contains("Exported 1 row of " + events + " to " + file + " (jsonl)");
        assertThat(Files.readString(file)).isEqualTo("{\"id\":1,\"payload\":{\"a\": 1}}\n");
        assertThat(Files.exists(dir.resolve("events.jsonl.partial"))).isFalse();

        db.execute("INSERT INTO p5_legacy (id) VALUES (6)");
        CliRunner.Result restore = run(db, "recover restore-column", "p5_legacy.legacy_code");
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("Restored public.p5_legacy.legacy_code from archive_column artifact " + code)
                .contains("5 rows refilled from the archive; 1 row inserted since the archive had no value (NULL or the "
                        + "default)").contains("recorded as recover:" + code + ":");
        assertThat(value(db, "SELECT string_agg(legacy_code, ',' ORDER BY id) FROM p5_legacy"))
                .isEqualTo("code-1,code-2,code-3,code-4,code-5,none");
        CliRunner.Result again = run(db, "recover restore-column", "public.p5_legacy.legacy_code");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("Nothing to do: public.p5_legacy.legacy_code was already restored");
        assertThat(run(db, "history").out()).contains("recover:" + code + ":");
        // a restore is history, not a migration: status counts and lists it apart
        CliRunner.Result status = run(db, "status", "--migrations", migrations.toString());
        assertThat(status.out()).contains("applied: 1 migration (last: ").contains("restores: 1 (last: recover:" + code);
        assertThat(run(db, "status", "--migrations", migrations.toString(), "--format", "json").out())
                .contains("\"restores\" : [ {");
        assertThat(run(db, "history", "--format", "json").out()).contains("\"kind\" : \"restore\"");
        CliRunner.Result badTarget = run(db, "recover restore-column", "legacy_code");
        assertThat(badTarget.exitCode()).isEqualTo(ExitCodes.USAGE);

        db.execute("CREATE TABLE old_events (id int)");
        CliRunner.Result conflict = run(db, "recover restore-table", "old_events");
        assertThat(conflict.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(conflict.err()).contains("the name public.old_events is taken again").contains("Nothing was changed");
        db.execute("DROP TABLE old_events");
        assertThat(run(db, "recover restore-table", "old_events").out()).contains("Restored public.old_events");

        // Purge: permanent, so never without --yes when nobody can be asked.
        CliRunner.Result unconfirmed = run(db, "recover purge", note);
        assertThat(unconfirmed.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unconfirmed.err()).contains("pass --yes to confirm");
        assertThat(run(db, "recover list").out()).contains(note);
        CliRunner.Result purge = run(db, "recover purge", note, "--yes");
        assertThat(purge.exitCode()).as(purge.err()).isZero();
        assertThat(purge.out()).contains("Purged " + note + ": ALTER TABLE public.p5_legacy DROP COLUMN _zanith_");
        assertThat(run(db, "recover purge", note, "--yes").out()).contains("Nothing to purge: no artifact");
        assertThat(run(db, "recover list").out()).doesNotContain(note);

        // Cleanup: only what expired (or is older than asked); a dry run changes nothing.
        assertThat(run(db, "recover cleanup").out()).contains("Nothing to clean up: no artifact has expired.");
        db.execute("UPDATE _zanith_migration_artifacts SET expires_at = now() - interval '1 day' WHERE id = '" + code + "'");
        CliRunner.Result dry = run(db, "recover cleanup", "--dry-run");
        assertThat(dry.out()).contains("Would purge 1 artifact:").contains(code);
        CliRunner.Result cronWithoutYes = run(db, "recover cleanup");
        assertThat(cronWithoutYes.exitCode()).isEqualTo(ExitCodes.USAGE);
        CliRunner.Result cleanup = run(db, "recover cleanup", "--yes", "--format", "json");
        assertThat(cleanup.exitCode()).as(cleanup.err()).isZero();
        assertThat(cleanup.out()).contains("\"purged\" : [ \"" + code + "\" ]");
        assertThat(run(db, "recover list").out()).doesNotContain(code).contains(events);
        CliRunner.Result older = run(db, "recover cleanup", "--older-than", "0s", "--yes");
        assertThat(older.out()).contains("purged " + events).contains("Purged 1 artifact.");
        assertThat(run(db, "recover list").out()).contains("No recovery artifacts");
        assertThat(run(db, "recover cleanup", "--older-than", "soon").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void recoverWithoutASubcommandIsAUsageErrorAndHelpListsTheSeven() {
        CliRunner.Result bare = CliRunner.run("recover");
        assertThat(bare.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bare.err()).contains("Missing subcommand: list, inspect ID, restore-column TABLE.COLUMN");
        CliRunner.Result help = CliRunner.run("recover", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("list", "inspect", "restore-column", "restore-table", "export", "purge", "cleanup");
        assertThat(CliRunner.run("recover", "purge", "--help").out()).contains("--yes");
    }

    @Test
    void restoreRefusesTamperedDataUnlessAccepted(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE t (id int PRIMARY KEY, gone text); INSERT INTO t VALUES (1, 'a'), (2, 'b')");
        migration("20260101000000_t", """
                  - archiveColumn:
                      table: public.t
                      column: gone
                      primaryKey: [id]
                """);
        assertThat(run(db, "apply", "--migrations", migrations.toString()).exitCode()).isZero();
        String id = "20260101000000_t::archive_column::public.t.gone";
        String archive = value(db, "SELECT physical_name FROM _zanith_migration_artifacts");
        db.execute("DELETE FROM " + archive + " WHERE id = 2");
        assertThat(run(db, "recover inspect", id, "--verify").out()).contains("MISMATCH: now 1 rows");
        CliRunner.Result refused = run(db, "recover restore-column", "t.gone");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(refused.err()).contains("expected 2 rows").contains("found 1 rows").contains("--accept-changed-data");
        assertThat(run(db, "recover export", id).exitCode()).isEqualTo(ExitCodes.ERROR);
        CliRunner.Result accepted = run(db, "recover restore-column", "t.gone", "--accept-changed-data");
        assertThat(accepted.exitCode()).as(accepted.err()).isZero();
        assertThat(accepted.err()).contains("warning: the parked data had changed since it was parked");
        assertThat(accepted.out()).contains("1 row refilled from the archive; 1 row inserted since the archive had no value");
    }
}
