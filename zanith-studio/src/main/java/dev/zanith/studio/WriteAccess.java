package dev.zanith.studio;

/**
 * Whether the Studio may write (apply, restore, purge), decided by its host: the CLI's {@code --allow-writes}, the
 * starter's {@code management.endpoint.zanith.access}. The page shows {@code reason} when writes are off.
 *
 * @param allowed whether write routes run
 * @param reason  why writes are off and how to turn them on; for allowed access, what allowed them
 */
public record WriteAccess(boolean allowed, String reason) {

    public static WriteAccess allowed(String reason) {
        return new WriteAccess(true, reason);
    }

    public static WriteAccess denied(String reason) {
        return new WriteAccess(false, reason);
    }
}
