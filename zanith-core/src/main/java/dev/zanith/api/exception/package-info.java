/**
 * The exceptions every layer throws: {@link dev.zanith.api.exception.ZanithException} and its configuration and
 * lost-lock kinds. Their messages are written for people (what is wrong, where, how to fix); front ends print the
 * message, never a stack trace.
 */
@NullMarked
package dev.zanith.api.exception;

import org.jspecify.annotations.NullMarked;
