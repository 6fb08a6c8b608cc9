package dev.zanith.api.exception;

/** A configuration mistake (a bad URL, a negative timeout, ...): the user's input, not the database. */
public class ZanithConfigException extends ZanithException {

    private static final long serialVersionUID = 1L;

    public ZanithConfigException(String message) {
        super(message);
    }
}
