/**
 * The risk vocabulary: levels, reason codes, PostgreSQL lock modes, the facts of an assessment (locks, rewrite,
 * scan) and the rows of the published risk table (docs/RISK.md).
 */
@NullMarked
package dev.zanith.api.risk;

import org.jspecify.annotations.NullMarked;
