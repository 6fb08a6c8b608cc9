/**
 * Implementation: the risk model that classifies operations in their context, and the published risk table built
 * from it.
 */
package dev.zanith.internal.risk;
