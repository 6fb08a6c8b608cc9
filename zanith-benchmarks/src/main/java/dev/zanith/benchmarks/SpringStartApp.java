package dev.zanith.benchmarks;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The application the Spring Boot start rows of {@code zanith-bench peers} start, one process per start:
 * {@code java -cp <benchmark jar> dev.zanith.benchmarks.SpringStartApp none|zanith|flyway JDBC_URL MIGRATIONS_DIR}.
 * <p>
 * The three variants are the same application on the same classpath (auto-configuration, a Hikari pool, Zanith's
 * starter and Spring Boot's Flyway support all present); only the switches differ, so the difference of their
 * start times is what the migration tool costs: {@code none} turns both tools off, {@code zanith} turns Flyway off,
 * {@code flyway} turns Zanith off. Each variant runs one query through the pool once started (an application
 * without a migration tool still opens its pool), then exits. Exit code 0 after a start; 1 with one line on
 * standard error otherwise.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class SpringStartApp {

    /** Which migration tool the application starts with. */
    enum Tool { NONE, ZANITH, FLYWAY }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: SpringStartApp none|zanith|flyway JDBC_URL MIGRATIONS_DIR");
            System.exit(2);
        }
        try {
            start(Tool.valueOf(args[0].toUpperCase(Locale.ROOT)), args[1], args[2]);
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            System.err.println("SpringStartApp " + args[0] + ": " + root.getMessage());
            System.exit(1);
        }
        System.exit(0);
    }

    static void start(Tool tool, String url, String migrations) throws Exception {
        SpringApplication application = new SpringApplication(SpringStartApp.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setDefaultProperties(properties(tool, url, migrations));
        try (ConfigurableApplicationContext context = application.run();
             Connection c = context.getBean(DataSource.class).getConnection();
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            rs.next();
        }
    }

    /**
     * The configuration of one variant. The schema the migrations run on is not empty (the generated models), so
     * both tools baseline it first, as a team adopting either would: Flyway at version 0, Zanith at id 0.
     */
    static Map<String, Object> properties(Tool tool, String url, String migrations) {
        Map<String, Object> p = new HashMap<>();
        p.put("spring.datasource.url", url);
        p.put("logging.level.root", "WARN");
        p.put("spring.flyway.enabled", Boolean.toString(tool == Tool.FLYWAY));
        p.put("spring.flyway.locations", "filesystem:" + migrations);
        p.put("spring.flyway.baseline-on-migrate", "true");
        p.put("spring.flyway.baseline-version", "0");
        p.put("zanith.enabled", Boolean.toString(tool == Tool.ZANITH));
        p.put("zanith.locations", "file:" + migrations);
        p.put("zanith.baseline-on-migrate", "true");
        p.put("zanith.baseline-id", "0");
        return p;
    }
}
