package dev.zanith.api.migration;

/**
 * A migration file's bytes and names.
 *
 * @param fileName the file name ({@code 20261121120000_add_users_last_login.yaml})
 * @param location where it lives, for messages
 */
public record MigrationResource(String fileName, String location, byte[] content) {
}
