/**
 * Implementation: one class per verb, composing the engine; the {@link dev.zanith.Zanith} facade calls them.
 */
package dev.zanith.internal.command;
