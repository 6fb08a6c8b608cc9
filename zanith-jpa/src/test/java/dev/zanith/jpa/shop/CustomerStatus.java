package dev.zanith.jpa.shop;

public enum CustomerStatus {
    ACTIVE, SUSPENDED
}
