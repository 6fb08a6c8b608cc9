/**
 * What the facade returns: plans and their steps, apply, verify, status, history, snapshot, generate and recover
 * results, the audit rows they are read from, and the JSON and Markdown writers of the documented shapes
 * (docs/PLAN-JSON.md, docs/RECOVER.md).
 */
@NullMarked
package dev.zanith.api.output;

import org.jspecify.annotations.NullMarked;
