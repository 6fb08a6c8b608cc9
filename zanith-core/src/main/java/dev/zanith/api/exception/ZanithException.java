package dev.zanith.api.exception;

import org.jspecify.annotations.Nullable;

/**
 * A failure Zanith can explain: what went wrong, where, and how to fix it. Front ends (CLI, Spring)
 * print {@link #getMessage()} as-is instead of a stack trace.
 */
public class ZanithException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ZanithException(String message) {
        super(message);
    }

    public ZanithException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
