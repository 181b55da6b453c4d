CREATE TABLE customers (id bigint, email text NOT NULL, age text, PRIMARY KEY (id, email), UNIQUE (id));
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id), total numeric(10,2));
