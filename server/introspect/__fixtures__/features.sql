-- One database exercising every object kind introspection reads. Loads on PostgreSQL 15 and PGlite (18).
CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'the application';
CREATE EXTENSION citext WITH SCHEMA public;
CREATE TYPE app.status AS ENUM ('new', 'paid', 'shipped');
COMMENT ON TYPE app.status IS 'order status';
CREATE DOMAIN app.positive AS numeric(10,2) NOT NULL DEFAULT 1 CONSTRAINT positive_check CHECK (VALUE > 0);
CREATE SEQUENCE app.invoice_no AS integer START 1000 INCREMENT 5 CACHE 10;
CREATE TABLE app.customer (
  id bigint GENERATED ALWAYS AS IDENTITY (START WITH 100) PRIMARY KEY,
  email public.citext NOT NULL,
  name text COLLATE "C",
  code varchar(12) UNIQUE NULLS NOT DISTINCT,
  created timestamp(3) with time zone NOT NULL DEFAULT now(),
  tags text[]
);
ALTER TABLE app.customer ADD CONSTRAINT name_not_blank CHECK (name <> '') NOT VALID;
COMMENT ON TABLE app.customer IS 'people who buy';
COMMENT ON COLUMN app.customer.email IS 'login';
CREATE TABLE app.orders (
  id serial PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES app.customer (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  status app.status NOT NULL DEFAULT 'new',
  total app.positive,
  total_with_tax numeric GENERATED ALWAYS AS (total * 1.2) STORED,
  invoice integer DEFAULT nextval('app.invoice_no')
);
ALTER SEQUENCE app.invoice_no OWNED BY app.orders.invoice;
CREATE TABLE app.line (
  order_id integer, n smallint,
  sku text NOT NULL,
  PRIMARY KEY (order_id, n),
  CONSTRAINT line_order_fk FOREIGN KEY (order_id) REFERENCES app.orders (id) MATCH FULL ON UPDATE RESTRICT
);
CREATE UNIQUE INDEX line_sku_lower ON app.line (lower(sku) DESC NULLS LAST, n) INCLUDE (order_id) WHERE sku <> '';
CREATE INDEX customer_tags ON app.customer USING gin (tags);
CREATE INDEX customer_name_pattern ON app.customer (name text_pattern_ops) WITH (fillfactor = 70);
COMMENT ON INDEX app.customer_tags IS 'tag search';
CREATE TABLE app.event (id bigint NOT NULL, at date NOT NULL, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE TABLE app.event_2024 PARTITION OF app.event FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE app.event_rest PARTITION OF app.event DEFAULT;
CREATE INDEX event_at ON app.event (at);
CREATE TABLE app.base (id int);
CREATE TABLE app.child (extra text) INHERITS (app.base);
CREATE UNLOGGED TABLE app.scratch (v text);
CREATE VIEW app.big_orders WITH (security_barrier = true) AS SELECT o.id, c.email FROM app.orders o JOIN app.customer c ON c.id = o.customer_id WHERE o.total > 100;
ALTER VIEW app.big_orders ALTER COLUMN id SET DEFAULT 0;
CREATE MATERIALIZED VIEW app.order_counts AS SELECT customer_id, count(*) AS n FROM app.orders GROUP BY customer_id;
CREATE UNIQUE INDEX order_counts_customer ON app.order_counts (customer_id);
CREATE MATERIALIZED VIEW app.customer_emails AS SELECT id, email FROM app.customer WITH NO DATA;
CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
COMMENT ON FUNCTION app.touch() IS 'keeps rows fresh';
CREATE TRIGGER orders_touch BEFORE UPDATE ON app.orders FOR EACH ROW EXECUTE FUNCTION app.touch();
CREATE PROCEDURE app.noop(a integer) LANGUAGE sql AS $$ SELECT 1 $$;
CREATE AGGREGATE app.concat_all(text) (SFUNC = textcat, STYPE = text, INITCOND = '');
CREATE TYPE app.money_pair AS (amount numeric(10,2), currency text COLLATE "C");
CREATE TYPE app.float_range AS RANGE (SUBTYPE = float8);
ALTER TABLE app.orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_orders ON app.orders FOR SELECT TO PUBLIC USING (customer_id > 0);
COMMENT ON INDEX app.customer_pkey IS 'The comment of a key''s index, carried as SQL';
