package dev.zanith.api.output;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The session holding Zanith's apply lock, from {@code pg_locks} and {@code pg_stat_activity}.
 *
 * @param applicationName e.g. {@code zanith apply pid 4242@ci-runner-7} (what Zanith sets on its lock session)
 * @param clientAddress   null for a local socket or when not visible to this user
 */
public record LockHolder(int pid, @Nullable String applicationName, @Nullable String user,
                         @Nullable String clientAddress, @Nullable Instant since, @Nullable String state) {

    /** One line for messages: "pid 4242 (zanith apply pid 77@ci-7, user deploy, from 10.0.0.7, connected 2026-...)". */
    public String describe() {
        StringBuilder out = new StringBuilder("pid ").append(pid).append(" (");
        out.append(applicationName == null || applicationName.isEmpty() ? "no application name" : applicationName);
        if (user != null) {
            out.append(", user ").append(user);
        }
        if (clientAddress != null) {
            out.append(", from ").append(clientAddress);
        }
        if (since != null) {
            out.append(", connected ").append(since);
        }
        return out.append(')').toString();
    }
}
