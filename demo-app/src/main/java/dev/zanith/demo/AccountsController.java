package dev.zanith.demo;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;

@RestController
@RequestMapping("/accounts")
class AccountsController {

    /** What a client sends to open an account. */
    record NewAccount(String email, String name) {
    }

    private static final String COLUMNS = "id, email, name, last_login, created_at";

    private final JdbcClient jdbc;

    AccountsController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping
    List<Account> list(@RequestParam(defaultValue = "20") int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM accounts ORDER BY id LIMIT :limit").param("limit", Math.min(limit, 500))
                .query(Account.class).list();
    }

    @GetMapping("/{id}")
    Account get(@PathVariable long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM accounts WHERE id = :id").param("id", id).query(Account.class)
                .optional().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no account " + id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Account create(@RequestBody NewAccount account) {
        return jdbc.sql("INSERT INTO accounts (email, name) VALUES (:email, :name) RETURNING " + COLUMNS)
                .param("email", account.email()).param("name", account.name()).query(Account.class).single();
    }

    @PostMapping("/{id}/login")
    Account login(@PathVariable long id) {
        return jdbc.sql("UPDATE accounts SET last_login = now() WHERE id = :id RETURNING " + COLUMNS).param("id", id)
                .query(Account.class).optional()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no account " + id));
    }
}
