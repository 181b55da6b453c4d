CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL, age text);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id), total numeric(10,2));
CREATE INDEX orders_total_idx ON orders (total);
CREATE INDEX orders_customer_idx ON orders (customer_id);
