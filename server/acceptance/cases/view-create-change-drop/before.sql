CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL, age text);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id), total numeric(10,2));
CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 5;
CREATE VIEW old_view AS SELECT 1 AS one;
