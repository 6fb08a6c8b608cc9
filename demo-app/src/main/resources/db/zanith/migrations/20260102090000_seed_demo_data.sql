-- Demo data: 200 accounts and 3,000 orders, two thirds of them paid.
-- Plain SQL is welcome too: the planner marks it raw_sql (review by hand); zanith verify classifies it by effect.
INSERT INTO accounts (email, name, legacy_code)
SELECT 'customer' || g || '@example.com', 'Customer ' || g, 'LC-' || g
FROM generate_series(1, 200) AS g;

INSERT INTO orders (account_id, total, paid_at, note)
SELECT 1 + (g % 200), round((g % 997) * 0.5 + 1, 2),
       CASE WHEN g % 3 = 0 THEN NULL ELSE now() - make_interval(mins => g) END,
       'imported order ' || g
FROM generate_series(1, 3000) AS g;
