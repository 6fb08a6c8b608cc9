package dev.zanith.demo;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;

@RestController
@RequestMapping("/orders")
class OrdersController {

    /** What a client sends to place an order. */
    record NewOrder(long accountId, BigDecimal total) {
    }

    private static final String COLUMNS = "id, account_id, total, status::text AS status, paid_at, created_at";

    private final JdbcClient jdbc;

    OrdersController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping
    List<Order> list(@RequestParam(required = false) Long accountId, @RequestParam(required = false) String status,
                     @RequestParam(defaultValue = "20") int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE (:account::bigint IS NULL OR account_id = :account) "
                        + "AND (:status::text IS NULL OR status::text = :status) ORDER BY id LIMIT :limit")
                .param("account", accountId).param("status", status).param("limit", Math.min(limit, 500))
                .query(Order.class).list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Order place(@RequestBody NewOrder order) {
        return jdbc.sql("INSERT INTO orders (account_id, total, status) VALUES (:account, :total, 'pending') RETURNING "
                + COLUMNS).param("account", order.accountId()).param("total", order.total()).query(Order.class).single();
    }
}
