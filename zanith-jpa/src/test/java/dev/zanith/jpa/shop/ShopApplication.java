package dev.zanith.jpa.shop;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A small Spring Data JPA application: customers, their orders and the orders' tags. */
@SpringBootApplication
public class ShopApplication {
}
