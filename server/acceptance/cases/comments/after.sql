CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL, age text);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id), total numeric(10,2));
COMMENT ON TABLE customers IS 'People who buy';
COMMENT ON COLUMN customers.email IS 'Login';
COMMENT ON CONSTRAINT orders_customer_id_fkey ON orders IS 'who ordered';
COMMENT ON SCHEMA public IS 'Main';
