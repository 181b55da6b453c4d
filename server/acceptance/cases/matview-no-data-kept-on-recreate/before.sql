CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, total numeric(10,2));
CREATE MATERIALIZED VIEW order_totals AS SELECT customer_id, sum(total) AS total FROM orders GROUP BY customer_id WITH NO DATA;
CREATE MATERIALIZED VIEW order_counts AS SELECT customer_id, count(*) AS n, max(total) AS top FROM orders GROUP BY customer_id;
