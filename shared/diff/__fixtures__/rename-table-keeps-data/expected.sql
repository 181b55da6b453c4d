-- tables
--   breaks-dependents: renames public.customers to public.clients: queries using the old name fail
ALTER TABLE public.customers RENAME TO clients;
-- constraints
ALTER TABLE public.clients RENAME CONSTRAINT customers_pkey TO clients_pkey;
-- constraints
ALTER TABLE public.clients RENAME CONSTRAINT customers_email_key TO clients_email_key;
