package dev.zanith.schema;

import java.util.List;

/**
 * A row level security policy.
 *
 * @param command   ALL, SELECT, INSERT, UPDATE or DELETE
 * @param roles     role names ({@code PUBLIC} for everyone), sorted
 * @param using     the USING expression, or null
 * @param withCheck the WITH CHECK expression, or null
 */
public record Policy(String name, String command, boolean permissive, List<String> roles, String using,
                     String withCheck) {

    public Policy {
        Lists.require(name, "policy name");
        command = command == null ? "ALL" : command;
        roles = Lists.sorted(roles == null || roles.isEmpty() ? List.of("PUBLIC") : roles, String::compareTo);
    }
}
