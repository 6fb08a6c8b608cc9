package dev.zanith.spring.autoconfigure;

import dev.zanith.api.exception.ZanithException;

/**
 * Zanith stopped the application from starting: a refused plan, a failed step, or a verify that did not say
 * VERIFIED. Its description and action are what {@link ZanithStartupFailureAnalyzer} prints.
 */
public class ZanithStartupException extends ZanithException {

    private static final long serialVersionUID = 1L;

    private final String description;
    private final String action;

    public ZanithStartupException(String summary, String description, String action) {
        super(summary);
        this.description = description;
        this.action = action;
    }

    public String description() {
        return description;
    }

    public String action() {
        return action;
    }
}
