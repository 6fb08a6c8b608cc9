package dev.zanith.apply;

import dev.zanith.audit.StepStatus;

/** What happened to one step in this run. */
public record StepOutcome(int stepIndex, String operationKind, String summary, StepStatus status, boolean alreadyDone,
                          long durationMs, String error, String sqlState) {
}
