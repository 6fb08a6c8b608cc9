package dev.zanith.api.output;

/**
 * Why a plan is refused: the first refusing gate (in gauntlet order) and its first offending step.
 *
 * @param message what is wrong, naming the step
 * @param fix     how to get past it
 */
public record Refusal(String gate, PlannedStep step, String message, String fix) {
}
