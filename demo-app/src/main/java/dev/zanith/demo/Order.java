package dev.zanith.demo;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** An order of an account; {@code status} is pending or paid. */
public record Order(long id, long accountId, BigDecimal total, String status, OffsetDateTime paidAt,
                    OffsetDateTime createdAt) {
}
