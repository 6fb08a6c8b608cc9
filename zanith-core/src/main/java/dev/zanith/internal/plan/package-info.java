/**
 * Implementation: the planner, preflight data checks and the gate keeper.
 */
package dev.zanith.internal.plan;
