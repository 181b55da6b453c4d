-- columns
--   breaks-dependents: renames public.customers.email to email_address: queries using the old name fail
ALTER TABLE public.customers RENAME COLUMN email TO email_address;
-- constraints
ALTER TABLE public.customers RENAME CONSTRAINT customers_email_key TO customers_email_address_key;
