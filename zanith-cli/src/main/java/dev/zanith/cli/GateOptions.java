package dev.zanith.cli;

import picocli.CommandLine.Option;

import java.util.List;

/** The gates plan and apply share. */
final class GateOptions {

    @Option(names = "--max-risk", paramLabel = "N", description = "Refuse any step scoring above N (0-100). Default: off.")
    Integer maxRisk;

    @Option(names = "--allow-destructive", description = "Consent to steps that can lose data.")
    boolean allowDestructive;

    @Option(names = "--deny-reasons", paramLabel = "REASON", split = ",",
            description = "Refuse any step carrying one of these reason codes (see zanith risk).")
    List<String> denyReasons = List.of();

    @Option(names = "--yes", description = "Do not ask for confirmation (never asked without a terminal).")
    boolean yes;
}
