package dev.zanith.jpa.shoprenamed;

public enum CustomerStatus {
    ACTIVE, SUSPENDED
}
