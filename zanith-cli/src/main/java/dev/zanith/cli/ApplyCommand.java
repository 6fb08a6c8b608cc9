package dev.zanith.cli;

import dev.zanith.Zanith;
import dev.zanith.ZanithConfig;
import dev.zanith.api.output.ApplyResult;
import dev.zanith.api.output.PlanJson;
import dev.zanith.api.output.VerifyResult;
import dev.zanith.api.output.text.ApplyText;
import dev.zanith.api.output.text.VerifyText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "apply", description = "Apply the pending migrations, one audited step at a time, under an advisory "
        + "lock; resumes at the first step that is not done.")
final class ApplyCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    MigrationOptions migrations;

    @Mixin
    GateOptions gates;

    @Mixin
    ApplyOptions options;

    @Option(names = "--expect-fingerprint", paramLabel = "SHA256",
            description = "Refuse unless the live schema still has this fingerprint (from a reviewed plan).")
    String expectFingerprint;

    @Option(names = "--plan", paramLabel = "FILE",
            description = "A plan saved with zanith plan --format json: refuse if the live schema changed since.")
    Path planFile;

    @Option(names = "--verify", description = "Rehearse on a shadow first (see --shadow); apply only if VERIFIED.")
    boolean verify;

    @Option(names = "--declared", paramLabel = "FILE", description = "With --verify: compare with this declared schema.")
    Path declared;

    @Mixin
    ShadowOptions shadow;

    private final Console console;

    ApplyCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        ZanithConfig config = options.applyTo(connection.configBuilder().migrations(migrations.source())
                .maxRisk(gates.maxRisk).allowDestructive(gates.allowDestructive).denyReasons(gates.denyReasons)).build();
        if (verify) {
            VerifyResult rehearsal = new Zanith(config).verify(declared, shadow.provider(config));
            console.println(VerifyText.verdictLine(rehearsal, console));
            if (rehearsal.verdict() != dev.zanith.api.output.VerifyOutcome.VERIFIED
                    && rehearsal.verdict() != dev.zanith.api.output.VerifyOutcome.NOTHING_PENDING) {
                console.out().print(VerifyText.text(rehearsal, console));
                console.error(ApplyText.verifyRefused(rehearsal));
                return ExitCodes.REFUSED;
            }
        }
        String fingerprint = expectFingerprint != null ? expectFingerprint : planFile != null ? PlanJson.fingerprint(planFile, "--plan") : null;
        ApplyResult result = new Zanith(config).applyExpectingPlan(new ApplyText(console), fingerprint);
        if (result.refused()) {
            console.error(ApplyText.refused(result));
            return ExitCodes.REFUSED;
        }
        if (!result.succeeded()) {
            console.error(ApplyText.stopped(result, config.loadMigrations()));
            return ExitCodes.ERROR;
        }
        console.println(ApplyText.done(result, config.emptySourceNote().orElse(null)));
        return ExitCodes.OK;
    }
}
