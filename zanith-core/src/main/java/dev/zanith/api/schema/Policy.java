package dev.zanith.api.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A row level security policy.
 *
 * @param command   ALL, SELECT, INSERT, UPDATE or DELETE
 * @param roles     role names ({@code PUBLIC} for everyone), sorted
 * @param using     the USING expression, or null
 * @param withCheck the WITH CHECK expression, or null
 */
public record Policy(String name, String command, boolean permissive, List<String> roles, @Nullable String using,
                     @Nullable String withCheck) {

    public Policy {
        Lists.require(name, "policy name");
        command = command == null ? "ALL" : command;
        roles = Lists.sorted(roles == null || roles.isEmpty() ? List.of("PUBLIC") : roles, String::compareTo);
    }

    /** Reads a policy; left out, {@code permissive} means PERMISSIVE, as in CREATE POLICY. */
    @JsonCreator
    static Policy json(@JsonProperty("name") String name, @JsonProperty("command") @Nullable String command,
                       @JsonProperty("permissive") @Nullable Boolean permissive,
                       @JsonProperty("roles") @Nullable List<String> roles, @JsonProperty("using") @Nullable String using,
                       @JsonProperty("withCheck") @Nullable String withCheck) {
        return new Policy(name, command, permissive == null || permissive, roles, using, withCheck);
    }
}
