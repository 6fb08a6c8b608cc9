package dev.zanith.api.output;

/** The outcome: {@code changed} is false when the ledger already matched the file. */
public record RepairResult(String id, String previous, String accepted, boolean changed, String location) {
}
