/**
 * Zanith's public API beside the facade: the handles and options a caller passes in ({@link
 * dev.zanith.api.ShadowProvider}, {@link dev.zanith.api.DiffOptions}, {@link dev.zanith.api.GenerateRequest}), the
 * apply callback ({@link dev.zanith.api.ApplyListener}) and generate's refusal. Subpackages hold the exceptions,
 * the schema and operation model, migration sources, the risk vocabulary and every result. Nothing under {@code
 * dev.zanith.internal} is API.
 */
@NullMarked
package dev.zanith.api;

import org.jspecify.annotations.NullMarked;
