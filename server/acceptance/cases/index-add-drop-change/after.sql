CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL, age text);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id), total numeric(10,2));
CREATE INDEX orders_customer_idx ON orders (customer_id, total DESC) WHERE total > 0;
CREATE UNIQUE INDEX customers_lower_email ON customers (lower(email));
CREATE INDEX customers_age_hash ON customers USING hash (age);
