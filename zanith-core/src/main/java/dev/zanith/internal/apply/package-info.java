/**
 * Implementation: the apply runner (audit rows, backfills, concurrent index builds, raw SQL).
 */
package dev.zanith.internal.apply;
