CREATE TABLE customers (id numeric(20) PRIMARY KEY, email text NOT NULL, age text);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id numeric(20) REFERENCES customers (id), total numeric(10,2));
