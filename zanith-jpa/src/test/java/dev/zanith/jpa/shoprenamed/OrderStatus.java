package dev.zanith.jpa.shoprenamed;

public enum OrderStatus {
    PLACED, PAID, SHIPPED, CANCELLED
}
