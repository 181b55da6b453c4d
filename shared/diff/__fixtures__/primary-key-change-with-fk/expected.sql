-- pre
ALTER TABLE public.orders DROP CONSTRAINT orders_customer_id_fkey;
-- pre
ALTER TABLE public.customers DROP CONSTRAINT customers_pkey;
-- constraints
--   may-fail-on-existing-data: primary key customers_pkey on public.customers: fails if existing rows violate it
--   locks-table: adding primary key customers_pkey on public.customers scans the table under lock
--   index-build: primary key customers_pkey on public.customers builds an index
ALTER TABLE public.customers ADD CONSTRAINT customers_pkey PRIMARY KEY (id, email);
-- constraints
--   may-fail-on-existing-data: unique constraint customers_id_key on public.customers: fails if existing rows violate it
--   locks-table: adding unique constraint customers_id_key on public.customers scans the table under lock
--   index-build: unique constraint customers_id_key on public.customers builds an index
ALTER TABLE public.customers ADD CONSTRAINT customers_id_key UNIQUE (id);
-- foreign-keys
--   may-fail-on-existing-data: foreign key orders_customer_id_fkey on public.orders: fails if existing rows violate it
--   locks-table: adding foreign key orders_customer_id_fkey on public.orders scans the table under lock
ALTER TABLE public.orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customers (id);
