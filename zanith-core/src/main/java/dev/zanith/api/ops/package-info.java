/**
 * The typed migration operations: each renders its SQL, states its effect on the schema ({@code SchemaEffect}) and
 * its reversal. The risk model classifies them; the names are the {@code op kinds} of docs/RISK.md.
 */
@NullMarked
package dev.zanith.api.ops;

import org.jspecify.annotations.NullMarked;
