CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, total numeric(10,2));
