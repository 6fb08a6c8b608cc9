/**
 * Zanith's public entry point: the {@link dev.zanith.Zanith} facade, its {@link dev.zanith.ZanithConfig configuration}
 * and the exceptions it throws. Nothing here is null unless marked {@link org.jspecify.annotations.Nullable}; see
 * docs/ARCHITECTURE.md for the layers behind the facade and which types are API.
 */
@NullMarked
package dev.zanith;

import org.jspecify.annotations.NullMarked;
