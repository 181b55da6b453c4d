-- tickets becomes bigint; the serial's sequence is replaced by a standalone one of the same name
-- (CREATE SEQUENCE makes a bigint, owned by nothing): its type and its ownership change, its value stays.
CREATE SEQUENCE orders_id_seq;
CREATE TABLE orders (id integer NOT NULL DEFAULT nextval('orders_id_seq') PRIMARY KEY, note text);
CREATE SEQUENCE tickets AS bigint;
