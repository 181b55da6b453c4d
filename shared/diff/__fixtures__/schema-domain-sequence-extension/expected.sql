-- schemas
CREATE SCHEMA billing;
-- schemas
COMMENT ON SCHEMA billing IS 'Money';
-- extensions
CREATE EXTENSION IF NOT EXISTS citext;
-- types
CREATE DOMAIN billing.positive AS numeric CONSTRAINT positive_check CHECK (VALUE > 0);
-- sequences
CREATE SEQUENCE billing.invoice_no START WITH 1000;
-- tables
CREATE TABLE billing.invoices (
    no bigint DEFAULT nextval('billing.invoice_no'::regclass) NOT NULL,
    amount billing.positive NOT NULL,
    CONSTRAINT invoices_pkey PRIMARY KEY (no)
);
-- post
ALTER SEQUENCE billing.invoice_no OWNED BY billing.invoices.no;
