package dev.zanith.api.output;

/**
 * What an export wrote.
 *
 * @param rows            rows written
 * @param checksumMatched false when the parked data no longer matched its checksum and the export went ahead
 *                        because changed data was accepted
 */
public record ExportResult(String artifactId, ExportFormat format, long rows, boolean checksumMatched) {
}
