package dev.zanith.demo;

import java.time.OffsetDateTime;

/** A customer account. */
public record Account(long id, String email, String name, OffsetDateTime lastLogin, OffsetDateTime createdAt) {
}
