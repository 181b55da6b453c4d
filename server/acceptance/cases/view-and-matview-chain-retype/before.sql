CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL, age text);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id), total numeric(10,2));
CREATE VIEW v1 AS SELECT id, total FROM orders;
CREATE MATERIALIZED VIEW mv AS SELECT id, total FROM v1;
CREATE INDEX mv_total ON mv (total);
