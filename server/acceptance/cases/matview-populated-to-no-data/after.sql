CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, total numeric(10,2));
-- Emptied: no query runs until someone refreshes it (as pg_dump --schema-only writes it).
CREATE MATERIALIZED VIEW order_totals AS SELECT customer_id, sum(total) AS total FROM orders GROUP BY customer_id WITH NO DATA;
CREATE UNIQUE INDEX order_totals_customer ON order_totals (customer_id);
CREATE VIEW big_customers AS SELECT customer_id FROM order_totals WHERE total > 5;
