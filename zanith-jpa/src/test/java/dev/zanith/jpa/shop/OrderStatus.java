package dev.zanith.jpa.shop;

public enum OrderStatus {
    PLACED, PAID, SHIPPED
}
