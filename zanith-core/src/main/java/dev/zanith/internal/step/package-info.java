/**
 * Implementation: running one step: timeouts, lock retries, the apply lock (advisory lock and its fence), step
 * hooks and backfill pacing. Apply, verify and recover all run steps through here.
 */
package dev.zanith.internal.step;
