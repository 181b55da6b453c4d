-- pre
DROP VIEW public.adults;
-- columns
--   locks-table: changing the type of public.customers.age locks public.customers
--   rewrites-table: public.customers.age changes type and every row is rewritten
--   may-fail-on-existing-data: public.customers.age: not every existing value may convert to the new type
ALTER TABLE public.customers ALTER COLUMN age TYPE integer USING age::integer;
-- views
CREATE VIEW public.adults AS
SELECT id, age FROM customers;
