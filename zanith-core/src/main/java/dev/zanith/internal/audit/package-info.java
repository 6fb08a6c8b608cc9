/**
 * Implementation: Zanith's audit tables in the target (ledger, steps, snapshots, checkpoints, artifacts).
 */
package dev.zanith.internal.audit;
