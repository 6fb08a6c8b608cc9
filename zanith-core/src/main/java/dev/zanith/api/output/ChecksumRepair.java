package dev.zanith.api.output;

import java.time.Instant;

/** A deliberate checksum change of an applied migration ({@code zanith repair --accept-checksum}). */
public record ChecksumRepair(Instant at, String by, String previous, String accepted, String location) {
}
