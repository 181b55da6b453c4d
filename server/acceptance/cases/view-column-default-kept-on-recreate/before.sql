CREATE TABLE orders (id bigint PRIMARY KEY, status text NOT NULL DEFAULT 'new', qty integer, total numeric(10,2));
CREATE VIEW open_orders AS SELECT id, status, qty, total FROM orders WHERE status <> 'closed';
ALTER VIEW open_orders ALTER COLUMN status SET DEFAULT 'open';
ALTER VIEW open_orders ALTER COLUMN qty SET DEFAULT 1;
CREATE VIEW big_open_orders AS SELECT id, status FROM open_orders WHERE total > 100;
ALTER VIEW big_open_orders ALTER COLUMN status SET DEFAULT 'big';
