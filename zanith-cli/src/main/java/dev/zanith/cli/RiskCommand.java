package dev.zanith.cli;

import dev.zanith.api.output.text.TextStyle;
import dev.zanith.api.output.text.Sigils;
import dev.zanith.api.ops.OperationKind;
import dev.zanith.api.risk.ReasonCode;
import dev.zanith.api.risk.RiskLevel;
import dev.zanith.api.risk.RiskTableRow;
import dev.zanith.Zanith;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "risk", mixinStandardHelpOptions = true, description = "Print the published risk table: every operation kind with its level, base "
        + "score, reasons, lock and rewrite (docs/RISK.md is its markdown form).")
final class RiskCommand implements Callable<Integer> {

    enum Format { text, markdown, json }

    @Option(names = "--format", defaultValue = "text", description = "text, markdown (docs/RISK.md) or json. "
            + "Default: ${DEFAULT-VALUE}.")
    Format format;

    private final Console console;

    RiskCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        switch (format) {
            case markdown -> console.out().print(Zanith.riskTableMarkdown());
            case json -> console.out().print(Zanith.riskTableJson());
            case text -> printText();
        }
        console.out().flush();
        return ExitCodes.OK;
    }

    private void printText() {
        console.println(console.style("Risk levels", TextStyle.BOLD));
        TextTable levels = new TextTable("LEVEL", "SCORES", "MEANING");
        for (RiskLevel level : RiskLevel.values()) {
            levels.add(level.id(), level.band(), level.meaning());
        }
        console.out().print(levels.render());
        console.println("");
        console.println("Base: an existing public.users of ~20,000 rows on PostgreSQL 14+. BY SIZE: empty · small · "
                + "large (2M rows) · huge (50M rows); - when size does not matter.");
        OperationKind.Family family = null;
        TextTable table = null;
        for (RiskTableRow row : Zanith.riskTable()) {
            if (row.kind().family() != family) {
                flush(table);
                family = row.kind().family();
                console.println("");
                console.println(console.style(Sigils.of(family) + " " + family.title(), TextStyle.BOLD) + "  "
                        + console.style(family.tagline(), TextStyle.DIM));
                table = new TextTable("OPERATION", "VARIANT", "LEVEL", "SCORE", "BY SIZE", "REASONS", "LOCK", "REWRITE")
                        .rightAlign(3);
            }
            table.add(row.kind().id(), row.variant(), row.base().level().id(), row.base().score(),
                    row.sizeScores().replace("—", "-"), String.join(" ", row.base().reasonCodes()),
                    row.locks().replace("—", "-"), row.rewrite());
        }
        flush(table);
        console.println("");
        console.println(console.style("Context", TextStyle.BOLD) + "  " + console.style("what moves a verdict "
                + "(docs/RISK.md)", TextStyle.DIM));
        for (String rule : Zanith.riskContextRules()) {
            console.println("- " + rule.replace("**", "").replace("`", ""));
        }
        console.println("");
        console.println(console.style("Reason codes", TextStyle.BOLD) + " (gate on them with --deny-reasons)");
        TextTable codes = new TextTable("CODE", "FAMILY", "WHAT GOES WRONG", "PUBLISHED");
        for (ReasonCode code : ReasonCode.values()) {
            codes.add(code.code(), code.family().title(), code.tag(), code.published() ? "yes" : "");
        }
        console.out().print(codes.render());
    }

    private void flush(TextTable table) {
        if (table != null) {
            console.out().print(table.render());
        }
    }
}
