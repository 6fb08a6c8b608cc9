package dev.zanith.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small accounts-and-orders service whose schema Zanith migrates at startup. Without
 * {@code spring.datasource.url} it runs on an embedded PostgreSQL kept under {@code target/embedded-postgres}.
 */
@SpringBootApplication
public class DemoApplication {

    public static void main(String[] args) {
        SpringApplication.run(DemoApplication.class, args);
    }
}
