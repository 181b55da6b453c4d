CREATE TABLE clients (id bigint PRIMARY KEY, mail text NOT NULL, age text);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES clients (id), total numeric(10,2));
CREATE INDEX ON clients (mail);
