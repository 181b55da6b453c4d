-- columns
--   locks-table: changing the type of public.customers.email locks public.customers
--   locks-table: changing the type of public.customers.age locks public.customers
--   rewrites-table: public.customers.age changes type and every row is rewritten
--   may-fail-on-existing-data: public.customers.age: not every existing value may convert to the new type
ALTER TABLE public.customers ALTER COLUMN email TYPE character varying(255), ALTER COLUMN age TYPE integer USING age::integer;
-- columns
--   locks-table: changing the type of public.orders.total locks public.orders
--   rewrites-table: public.orders.total changes type and every row is rewritten
--   may-fail-on-existing-data: public.orders.total: not every existing value may convert to the new type
ALTER TABLE public.orders ALTER COLUMN total TYPE numeric(8,2);
