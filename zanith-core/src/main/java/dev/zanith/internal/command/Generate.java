package dev.zanith.internal.command;

import dev.zanith.api.output.GenerateResult;
import dev.zanith.api.GenerateRequest;
import dev.zanith.api.GenerateRefusedException;
import dev.zanith.internal.audit.MigrationState;
import dev.zanith.internal.config.Settings;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.audit.MigrationHistory;
import dev.zanith.api.DiffOptions;
import dev.zanith.api.output.DiffResult;
import dev.zanith.internal.diff.Differ;
import dev.zanith.api.output.RenameSuspect;
import dev.zanith.api.output.Scope;
import dev.zanith.internal.jdbc.ConnectionSource;
import dev.zanith.internal.introspect.IntrospectionOptions;
import dev.zanith.internal.introspect.Introspector;
import dev.zanith.api.migration.DirectoryMigrationSource;
import dev.zanith.api.migration.Migration;
import dev.zanith.internal.migration.MigrationLoader;
import dev.zanith.internal.migration.MigrationNames;
import dev.zanith.api.migration.MigrationResource;
import dev.zanith.internal.migration.MigrationWriter;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.schema.LiveSchema;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.internal.shadow.DeclaredSchema;
import dev.zanith.internal.shadow.Shadow;
import dev.zanith.internal.shadow.ShadowSource;
import dev.zanith.api.output.Difference;
import dev.zanith.internal.verify.SchemaComparison;
import dev.zanith.internal.verify.ShadowReplay;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code zanith generate}: compares the declared schema with the live database as it will be once the
 * pending migrations have run, and writes the difference as a new migration file (or nothing, when there is
 * no difference).
 */
public final class Generate {

    private final Settings config;

    public Generate(Settings config) {
        this.config = config;
    }

    /**
     * Generates, proves and writes the migration.
     *
     * @throws GenerateRefusedException when the migration, run on the shadow, fails or does not reach the
     *                                  declared schema (no file is written)
     * @throws ZanithException          for unreadable input, unreachable servers and anything else; never an
     *                                  internal exception type
     */
    public GenerateResult run(GenerateRequest request) {
        try {
            return generate(request);
        } catch (ZanithException e) {
            throw e;
        } catch (RuntimeException e) {
            // A defect of Zanith's, not of the input: say so in one line instead of leaking an exception type.
            throw new ZanithException("generate could not finish (" + e.getMessage() + "). No file was written. "
                    + "This is a gap in Zanith: please report it with the declared schema; meanwhile write the change "
                    + "by hand as a migration file with rawSql steps.", e);
        }
    }

    private GenerateResult generate(GenerateRequest request) {
        if (!Files.isRegularFile(request.declared())) {
            throw new ZanithException("Declared schema " + request.declared() + " does not exist. Pass --declared with "
                    + "a .sql file of CREATE statements (or a schema graph .json/.yaml from zanith inspect --format json).");
        }
        List<Migration> files = Files.isDirectory(request.migrations())
                ? MigrationLoader.load(new DirectoryMigrationSource(request.migrations())) : List.of();
        IntrospectionOptions configured = config.introspectionOptions();
        SchemaGraph everything = DeclaredSchema.loadEverySchema(request.declared(), ShadowSource.of(request.shadow()),
                configured.skippingMissingSchemas());
        Scope scope = Scope.of(everything, request.schemas());
        SchemaGraph declared = scope.restrict(everything);
        IntrospectionOptions options = new IntrospectionOptions(scope.schemas(), configured.excludedPrefix(), true);
        ConnectionSource target = config.connectionSource();
        LiveSchema live;
        MigrationState state;
        DiffOptions diffOptions;
        List<String> notes = new ArrayList<>();
        try (Connection c = target.open()) {
            Introspector introspector = new Introspector(options);
            live = introspector.introspect(c);
            requireRoles(c, declared, request.declared(), target.describeTarget());
            diffOptions = request.diffOptions().withParkedTypes(introspector.parkedTypes(c));
            state = MigrationState.read(c, new MigrationHistory(config.auditTables()), files);
            for (String schema : Introspector.userSchemas(c)) {
                if (!scope.schemas().contains(schema) && !schema.equals(config.archiveSchema())) {
                    notes.add("schema " + schema + " is outside the scope (" + scope.describe() + ") and left as it is; "
                            + "name it in --schemas to manage it");
                }
            }
        } catch (SQLException e) {
            throw new ZanithException("Reading " + target.describeTarget() + " failed: " + ConnectionSource.message(e), e);
        }
        if (state.pending().isEmpty()) {
            DiffResult diff = Differ.diff(live.graph(), declared, diffOptions);
            if (diff.isEmpty()) {
                requireNoDifference(declared, live.graph(), request.declared(), diff);
                return new GenerateResult(null, null, List.of(), diff.renameSuspects(), warnings(notes, diff), 0, scope);
            }
        }
        // the live schema on a shadow: a copy of the one an earlier run built for the same schema where the shadow
        // provider keeps them (ShadowTemplates), else replayed
        try (Shadow shadow = ShadowReplay.openRecreated(ShadowSource.of(request.shadow()), live.graph(), options)) {
            ShadowReplay replay = new ShadowReplay(shadow, options);
            SchemaGraph base = live.graph();
            if (!state.pending().isEmpty()) {
                replay.apply(state.pending());
                base = replay.introspect().graph();
            }
            DiffResult diff = Differ.diff(base, declared, diffOptions);
            if (diff.isEmpty()) {
                requireNoDifference(declared, base, request.declared(), diff);
                return new GenerateResult(null, null, List.of(), diff.renameSuspects(), warnings(notes, diff),
                        state.pending().size(), scope);
            }
            String slug = request.name() != null && !request.name().isBlank() ? request.name()
                    : MigrationNames.slug(diff.operations());
            java.util.Set<String> existing = new java.util.HashSet<>();
            state.files().forEach(f -> existing.add(f.id()));
            // files, and the baselines (a new id must sort after them, or it counts as covered)
            state.applied().stream().filter(dev.zanith.api.output.AppliedMigration::baseline).forEach(a -> existing.add(a.id()));
            String id = MigrationNames.next(request.now(), slug, existing);
            String text = MigrationWriter.render(id, describe(diff.operations()), diff.operations(),
                    header(request, live, state, diff, scope), diff.renameSuspects().stream()
                            .map(r -> r.describe() + "\nif it is a rename, regenerate with: " + r.hint()).toList());
            prove(replay, id, text, declared, request.declared(), diff);
            Path file = MigrationWriter.write(request.migrations(), id, text);
            return new GenerateResult(file, id, diff.operations(), diff.renameSuspects(), warnings(notes, diff),
                    state.pending().size(), scope);
        }
    }

    /**
     * Grants name roles, which live on the server, not in a schema: a grant to a role the target does not have is
     * refused here, naming the role and a grant of it, rather than failing at apply (or being skipped).
     */
    private static void requireRoles(Connection c, SchemaGraph declared, Path source, String target)
            throws SQLException {
        java.util.Set<String> missing = dev.zanith.internal.introspect.PrivilegeCatalog.missingRoles(c,
                declared.grants().stream().map(dev.zanith.api.schema.Grant::grantee).toList());
        if (missing.isEmpty()) {
            return;
        }
        dev.zanith.api.schema.Grant example = declared.grants().stream().filter(g -> missing.contains(g.grantee()))
                .findFirst().orElseThrow();
        throw new ZanithException("The declared schema " + source + " grants privileges to role"
                + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing) + ", which "
                + (missing.size() == 1 ? "does" : "do") + " not exist on " + target + " (e.g. " + example.privilege()
                + " on " + example.on() + " " + example.schema() + (example.name() != null ? "." + example.name() : "")
                + " to " + example.grantee() + "). Roles belong to the server, not to a schema: create "
                + (missing.size() == 1 ? "it" : "them") + " first (CREATE ROLE " + missing.iterator().next()
                + " NOLOGIN, or however your infrastructure manages roles), or remove the grant from the declared "
                + "schema. No file was written.");
    }

    private static List<String> warnings(List<String> notes, DiffResult diff) {
        List<String> all = new ArrayList<>(notes);
        all.addAll(diff.warnings());
        return all;
    }

    private static List<String> header(GenerateRequest request, LiveSchema live, MigrationState state, DiffResult diff,
                                       Scope scope) {
        List<String> header = new ArrayList<>();
        header.add("Generated by zanith generate at " + request.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        header.add("declared: " + request.declared().getFileName() + " · live: " + live.database() + " (PostgreSQL "
                + live.server() + ")" + (state.pending().isEmpty() ? "" : " + " + state.pending().size() + " pending migration(s)"));
        header.add("schemas: " + scope.describe());
        header.add("Proven on a shadow before it was written: applied there, it reproduces the declared schema");
        header.add("Review it, then: zanith plan (risk and gates) · zanith apply");
        for (String warning : diff.warnings()) {
            header.add("warning: " + warning);
        }
        return header;
    }

    /**
     * Runs the migration file exactly as it will be read back (parsed from {@code text}) on the shadow, which
     * holds the live schema plus the pending migrations, and requires the result to equal the declared schema.
     *
     * @throws GenerateRefusedException when a step fails there or the result differs; nothing is written then
     */
    private static void prove(ShadowReplay replay, String id, String text, SchemaGraph declared, Path declaredFile,
                              DiffResult diff) {
        Migration migration = MigrationLoader.parse(new MigrationResource(id + ".yaml", id + ".yaml",
                text.getBytes(StandardCharsets.UTF_8)));
        try {
            replay.apply(List.of(migration));
        } catch (ZanithException e) {
            String state = e.getCause() instanceof SQLException sql ? sql.getSQLState() : null;
            String how = "42804".equals(state) || "42846".equals(state)
                    ? "PostgreSQL has no cast between these types: write the migration by hand with a using: "
                    + "expression on the alterColumnType step that converts each value (for example using: "
                    + "to_timestamp(at) for a bigint of epoch seconds), or convert the data first, then generate again."
                    : "This is a gap in Zanith's differ: write this change by hand (a migration file with rawSql "
                    + "steps), and please report the declared schema.";
            throw new GenerateRefusedException("generate wrote no file: the migration it would write does not apply. "
                    + e.getMessage().replace(id + ".yaml: ", "") + ". " + how, List.of(), e);
        }
        List<Difference> differences = remaining(declared, replay.introspect().graph(), diff);
        if (!differences.isEmpty()) {
            throw refusal("applied on a shadow, the migration it would write does not reach the declared schema "
                    + declaredFile.getFileName(), differences);
        }
    }

    /** "Nothing to do" is only said when it is true: differences the differ cannot express are not nothing. */
    private static void requireNoDifference(SchemaGraph declared, SchemaGraph base, Path declaredFile, DiffResult diff) {
        List<Difference> differences = remaining(declared, base, diff);
        if (!differences.isEmpty()) {
            throw refusal("the database differs from the declared schema " + declaredFile.getFileName()
                    + " only in ways generate cannot write", differences);
        }
    }

    private static GenerateRefusedException refusal(String what, List<Difference> differences) {
        StringBuilder message = new StringBuilder("generate wrote no file: " + what + ". Remaining differences:");
        for (Difference difference : differences) {
            message.append("\n  ").append(difference.describe());
        }
        message.append("\nWrite these changes by hand (a migration file with rawSql steps), then run generate "
                + "again; it writes the rest, or nothing.");
        return new GenerateRefusedException(message.toString(), differences, null);
    }

    /** The differences left once the objects the differ keeps on purpose (for parked data) are set aside. */
    private static List<Difference> remaining(SchemaGraph declared, SchemaGraph actual, DiffResult diff) {
        return SchemaComparison.compareStructure(declared, actual).stream()
                .filter(d -> !(d.aspect().equals("unexpected") && diff.kept().contains(d.model())))
                .toList();
    }

    private static String describe(List<Operation> operations) {
        String first = operations.get(0).summary();
        return operations.size() == 1 ? first : first + " (and " + (operations.size() - 1) + " more)";
    }
}
