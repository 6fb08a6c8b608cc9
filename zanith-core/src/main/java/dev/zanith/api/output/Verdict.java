package dev.zanith.api.output;

/** A plan's outcome: every gate passed, or one refused. */
public enum Verdict {
    GREEN, REFUSED
}
