CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL, age text);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id), total numeric(10,2));
CREATE VIEW safe_orders WITH (security_barrier = true) AS SELECT id, total FROM orders WHERE total > 0;
COMMENT ON VIEW safe_orders IS 'Positive orders';
COMMENT ON COLUMN safe_orders.total IS 'Sum';
CREATE INDEX orders_total ON orders (total);
COMMENT ON INDEX orders_total IS 'for reports';
